package org.formularium.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.formularium.runtime.AntiSpam;
import org.formularium.shared.ratelimit.RateLimits;
import org.formularium.shared.ratelimit.RateLimits.Limit;
import org.formularium.shared.ratelimit.RateLimits.Setting;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.util.Map;

/**
 * One context for the abuse-protection tests (rate limits, anti-spam, privacy notice): a real HTTP port for the
 * API, Karibu for the views, small rate limits (3 per window) and a minimum fill time of 3 seconds, both on a clock
 * the tests move ({@link #clock}). Only the limits and the anti-spam check use that clock — the rest of the
 * application keeps the real one, so this context's background work (outbox) never schedules into the future.
 * Every test starts a day later on that clock, so all limits have refilled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AbstractAbuseProtectionTest.Limits.class)
public abstract class AbstractAbuseProtectionTest extends AbstractKaribuTest {

    private static final MutableClock CLOCK = new MutableClock();

    @TestConfiguration
    static class Limits {
        @Bean
        @Primary
        RateLimits smallRateLimits(MeterRegistry meters) {
            return new RateLimits(CLOCK, meters, 1000, Map.of(
                    Limit.SUBMIT, new Setting(3, Duration.ofMinutes(10)),
                    Limit.STATUS_LOOKUP, new Setting(3, Duration.ofMinutes(10)),
                    Limit.DRAFT_RESUME, new Setting(3, Duration.ofMinutes(10)),
                    Limit.API_KEY, new Setting(3, Duration.ofMinutes(1)),
                    Limit.API_ADDRESS, new Setting(3, Duration.ofMinutes(1))));
        }

        @Bean
        @Primary
        AntiSpam threeSecondAntiSpam(MeterRegistry meters) {
            return new AntiSpam(CLOCK, meters, Duration.ofSeconds(3));
        }
    }

    @LocalServerPort
    protected int port;

    protected final MutableClock clock = CLOCK;

    @BeforeEach
    void aDayLater() {
        clock.advance(Duration.ofDays(1));
    }
}
