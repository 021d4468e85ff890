package org.formularium.shared.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The application's {@link Envelope}, built from the configured (or, in the demo profile, generated) master keys. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    Envelope envelope(Environment environment) {
        return new Envelope(MasterKeySource.resolve(environment));
    }
}
