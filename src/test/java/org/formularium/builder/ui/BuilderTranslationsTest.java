package org.formularium.builder.ui;

import org.formularium.builder.FormListFilter;
import org.formularium.definition.store.VersionStatus;
import org.formularium.definition.validation.DefinitionProblemCode;
import org.formularium.fim.FimImportErrorCode;
import org.formularium.fim.ReportEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys the builder composes from enum names (the sync test cannot see them) exist in German and English. */
class BuilderTranslationsTest {

    @Test
    void every_composed_key_exists_in_both_languages() throws IOException {
        List<String> keys = new ArrayList<>();
        Arrays.stream(DefinitionProblemCode.values()).forEach(c -> keys.add(BuilderSupport.PROBLEM_KEY_PREFIX + c.name()));
        Arrays.stream(FimImportErrorCode.values()).forEach(c -> keys.add(FimImportPanel.ERROR_PREFIX + c.name()));
        Arrays.stream(ReportEntry.Level.values()).forEach(l -> {
            keys.add(FimReport.LEVEL_PREFIX + l.name());
            keys.add(FimReport.LEVEL_PREFIX + l.name() + ".heading");
        });
        Arrays.stream(FormListFilter.Show.values()).forEach(s -> keys.add(BuilderView.SHOW_PREFIX + s.name()));
        Arrays.stream(VersionStatus.values()).forEach(s -> keys.add(VersionsView.STATUS_PREFIX + s.name()));

        for (String file : List.of("messages_de.properties", "messages_en.properties")) {
            Properties properties = load(file);
            assertThat(keys).as("composed keys missing in " + file).allSatisfy(key ->
                    assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BuilderTranslationsTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
