package org.formularium.shared.database;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseStartupCheckTest {

    @Test
    void a_url_from_the_environment_a_system_property_or_an_argument_counts_as_configured() {
        assertThat(DatabaseStartupCheck.urlConfigured(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://x/db"),
                new Properties(), new String[0])).isTrue();
        Properties properties = new Properties();
        properties.setProperty("spring.datasource.url", "jdbc:postgresql://x/db");
        assertThat(DatabaseStartupCheck.urlConfigured(Map.of(), properties, new String[0])).isTrue();
        assertThat(DatabaseStartupCheck.urlConfigured(Map.of(), new Properties(),
                new String[]{"--spring.datasource.url=jdbc:postgresql://x/db"})).isTrue();
    }

    @Test
    void blank_or_missing_urls_are_not_configured() {
        assertThat(DatabaseStartupCheck.urlConfigured(Map.of("SPRING_DATASOURCE_URL", " "), new Properties(),
                new String[0])).isFalse();
    }

    @Test
    void the_development_build_has_the_embedded_database_and_the_message_names_the_variables() {
        assertThat(DatabaseStartupCheck.embeddedAvailable()).isTrue();
        assertThat(DatabaseStartupCheck.MISSING_DATABASE_MESSAGE)
                .contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
    }
}
