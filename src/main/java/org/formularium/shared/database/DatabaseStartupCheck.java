package org.formularium.shared.database;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

/**
 * Decides before Spring starts whether a database can be had: either one is configured
 * ({@code SPRING_DATASOURCE_URL} or {@code spring.datasource.url}) or the embedded PostgreSQL is on the
 * class path (development build). The production jar ships without the embedded one.
 */
public final class DatabaseStartupCheck {

    public static final String MISSING_DATABASE_MESSAGE = """
            Formularium cannot start: no database is configured.
            This build has no embedded PostgreSQL. Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db:5432/formularium),
            SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, then start again.""";

    static final String EMBEDDED_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private DatabaseStartupCheck() {
    }

    public static boolean databaseAvailable(Map<String, String> env, Properties systemProperties, String[] args) {
        return urlConfigured(env, systemProperties, args) || embeddedAvailable();
    }

    public static boolean urlConfigured(Map<String, String> env, Properties systemProperties, String[] args) {
        return notBlank(env.get("SPRING_DATASOURCE_URL"))
                || notBlank(systemProperties.getProperty("spring.datasource.url"))
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--spring.datasource.url="));
    }

    public static boolean embeddedAvailable() {
        try {
            Class.forName(EMBEDDED_CLASS, false, DatabaseStartupCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
