package org.formularium.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/** Appends a dated section with the machine, the command and the settings to BENCHMARKS.md. */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void append(Path file, String title, String command, String settings, String table) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n\nFigures measured on the project's machines; each section says how.\n",
                    StandardCharsets.UTF_8);
        }
        String section = "\n## " + title + " — " + OffsetDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE) + "\n\n"
                + "- machine: " + machine() + "\n"
                + "- command: `" + command + "`\n"
                + "- settings: " + settings + "\n\n"
                + table + "\n";
        Files.writeString(file, section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the CPU stays unnamed
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + (Runtime.getRuntime().maxMemory() / (1024 * 1024)) + " MB max heap of the runner, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name");
    }
}
