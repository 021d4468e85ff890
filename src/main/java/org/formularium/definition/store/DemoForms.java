package org.formularium.definition.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.definition.DefinitionJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Demo profile: publishes the demo forms from {@code classpath:forms/demo/*.json}. A form that exists is
 * left alone unless its newest published version differs from the file, then the file is published as
 * the next version (so demo content follows the code without touching real forms).
 */
@Component
@Profile("demo")
@Order(10)
class DemoForms implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoForms.class);
    static final String LOCATION = "classpath:forms/demo/*.json";
    static final String USER = "demo";

    private final FormService forms;

    DemoForms(FormService forms) {
        this.forms = forms;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (JsonNode definition : load()) {
            String key = definition.path("key").asText();
            if (!forms.exists(key)) {
                forms.create(definition, USER, true);
                LOG.info("Demo form '{}' published", key);
                continue;
            }
            boolean current = forms.latestPublished(key)
                    .map(p -> forms.version(key, p.version()).map(FormVersionInfo::definition).orElse(null))
                    .filter(definition::equals).isPresent();
            if (!current) {
                forms.saveDraft(key, definition, null, USER);
                forms.publish(key, null, USER);
                LOG.info("Demo form '{}' updated to the packaged definition", key);
            }
        }
    }

    /** The demo definitions as JSON trees, sorted by file name. */
    static List<JsonNode> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            return Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename))
                    .map(DemoForms::read).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return DefinitionJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo form " + resource.getFilename() + " cannot be read", e);
        }
    }
}
