package org.formularium.fim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared XDatenfelder test files (../shared/fim beside the project, else /work/shared/fim) and own resources. */
final class FimFiles {

    private static final List<Path> CANDIDATES = List.of(Path.of("../shared/fim"), Path.of("/work/shared/fim"));

    private FimFiles() {
    }

    static Path sharedDir() {
        return CANDIDATES.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new IllegalStateException(
                "XDatenfelder test files not found; expected one of " + CANDIDATES));
    }

    /** A shared file, e.g. {@code v2/simple.xml}. */
    static byte[] shared(String relative) {
        try {
            return Files.readAllBytes(sharedDir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every XML file under the shared directory, as paths relative to it ({@code v2/simple.xml}). */
    static List<String> everySharedXml() {
        Path dir = sharedDir();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".xml")).map(p -> dir.relativize(p).toString()
                    .replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource next to this class. */
    static byte[] resource(String name) {
        try (InputStream in = FimFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
