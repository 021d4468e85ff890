package org.formularium.shared.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every UI text exists in German and English, and every key the code asks for exists. */
class I18nPropertiesSyncTest {

    private static final Pattern TRANSLATION_CALL = Pattern.compile("getTranslation\\(\"([a-zA-Z0-9_.]+)\"");
    private static final Pattern TITLE_KEY = Pattern.compile("return \"([a-z][a-zA-Z0-9_]*\\.[a-zA-Z0-9_.]+)\";");

    @Test
    void german_and_english_have_the_same_keys() throws IOException {
        Set<String> german = load("messages_de.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();

        assertThat(difference(german, english)).as("keys missing in messages_en.properties").isEmpty();
        assertThat(difference(english, german)).as("keys missing in messages_de.properties").isEmpty();
    }

    @Test
    void no_translation_is_empty() throws IOException {
        for (String file : new String[]{"messages_de.properties", "messages_en.properties"}) {
            Properties properties = load(file);
            assertThat(properties.stringPropertyNames())
                    .as("empty values in " + file)
                    .allSatisfy(key -> assertThat(properties.getProperty(key)).isNotBlank());
        }
    }

    @Test
    void every_key_used_in_the_code_exists() throws IOException {
        Set<String> known = load("messages_de.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(TRANSLATION_CALL.matcher(source), used);
                if (source.contains("titleKey()")) {
                    collect(TITLE_KEY.matcher(source), used);
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(difference(used, known)).as("keys used in code but missing in messages_de.properties").isEmpty();
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
