package org.formularium.shared.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

import java.util.Map;

/**
 * When no {@code spring.datasource.url} is configured, starts an embedded PostgreSQL and points the
 * application at it. Outside tests the data lives in {@code .devdb/} (kept across restarts) and the
 * {@code demo} profile is switched on, so {@code mvn spring-boot:run} gives a working demo at once.
 * Tests (profile {@code test}) get a throw-away database shared by all contexts of the JVM.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DATA_DIR_PROPERTY = "formularium.embedded-db.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        if (!DatabaseStartupCheck.embeddedAvailable()) {
            throw new IllegalStateException(DatabaseStartupCheck.MISSING_DATABASE_MESSAGE);
        }
        boolean test = environment.acceptsProfiles(Profiles.of("test"));
        String dataDir = test ? null : environment.getProperty(DATA_DIR_PROPERTY, ".devdb");
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres")));
        if (!test && !environment.acceptsProfiles(Profiles.of("demo"))) {
            environment.addActiveProfile("demo");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
