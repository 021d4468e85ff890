package org.formularium.api.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/**
 * Demo profile only: an API key named {@value #NAME} with all scopes whose value is
 * {@code FORMULARIUM_DEMO_API_KEY} (default {@code demo-api-key}). Created or updated on every start; a
 * previous demo key with another value is revoked.
 */
@Component
@Profile("demo")
@Order(1)
class DemoApiKey implements ApplicationRunner {

    static final String NAME = "Demo (all scopes)";
    static final String CREATED_BY = "system:demo-profile";
    private static final Logger LOG = LoggerFactory.getLogger(DemoApiKey.class);

    private final ApiKeyService keys;
    private final String plainKey;

    DemoApiKey(ApiKeyService keys, @Value("${formularium.demo.api-key:demo-api-key}") String plainKey) {
        this.keys = keys;
        this.plainKey = plainKey;
    }

    @Override
    public void run(ApplicationArguments args) {
        ApiKey key = keys.ensureConfiguredKey(NAME, plainKey, EnumSet.allOf(ApiScope.class), CREATED_BY);
        LOG.warn("DEMO PROFILE: API key '{}' (starts with '{}') has all scopes; its value is FORMULARIUM_DEMO_API_KEY "
                + "(default 'demo-api-key'). Never use the demo profile with real data.", key.name(), key.keyPrefix());
    }
}
