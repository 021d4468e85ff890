package org.formularium.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.formularium.definition.store.FormService;
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

/**
 * Demo profile: the demo clerk is responsible for every demo form ({@code classpath:forms/demo/*.json}).
 * Runs after the demo forms are published (they have {@code @Order(10)}); idempotent. Real
 * responsibilities are set by administrators.
 */
@Component
@Profile("demo")
@Order(20)
class DemoResponsibilities implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoResponsibilities.class);
    static final String DEMO_CLERK = "clerk";
    static final String LOCATION = "classpath:forms/demo/*.json";

    private final FormService forms;
    private final ResponsibilityService responsibilities;
    private final ObjectMapper json = new ObjectMapper();

    DemoResponsibilities(FormService forms, ResponsibilityService responsibilities) {
        this.forms = forms;
        this.responsibilities = responsibilities;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int count = 0;
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
            String key;
            try (InputStream in = resource.getInputStream()) {
                key = json.readTree(in).path("key").asText("");
            }
            if (!key.isEmpty() && forms.exists(key)) {
                responsibilities.assignUser(key, DEMO_CLERK, "demo");
                count++;
            }
        }
        LOG.info("Demo clerk '{}' is responsible for {} demo forms", DEMO_CLERK, count);
    }
}
