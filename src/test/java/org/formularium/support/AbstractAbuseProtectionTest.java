package org.formularium.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Duration;

/**
 * One context for the abuse-protection tests (rate limits, anti-spam, privacy notice): a real HTTP port for the
 * API, Karibu for the views, small rate limits (3 per window), a minimum fill time of 3 seconds and a clock the
 * tests move ({@link #clock}). Every test starts a day later, so all limits have refilled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "formularium.rate-limit.submit.requests=3", "formularium.rate-limit.submit.window=PT10M",
        "formularium.rate-limit.status-lookup.requests=3", "formularium.rate-limit.status-lookup.window=PT10M",
        "formularium.rate-limit.draft-resume.requests=3", "formularium.rate-limit.draft-resume.window=PT10M",
        "formularium.rate-limit.api-key.requests=3", "formularium.rate-limit.api-key.window=PT1M",
        "formularium.rate-limit.api-address.requests=3", "formularium.rate-limit.api-address.window=PT1M",
        "formularium.anti-spam.min-fill-time=PT3S"})
@Import(AbstractAbuseProtectionTest.ClockConfig.class)
public abstract class AbstractAbuseProtectionTest extends AbstractKaribuTest {

    @TestConfiguration
    static class ClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void aDayLater() {
        clock.advance(Duration.ofDays(1));
    }
}
