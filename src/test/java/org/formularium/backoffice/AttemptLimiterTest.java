package org.formularium.backoffice;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptLimiterTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void attempts_are_allowed_again_when_the_oldest_leaves_the_window() {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(10), clock);
        Instant first = clock.now;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(List.of("ip:a"))).isEmpty();
            clock.now = clock.now.plusSeconds(60);
        }

        assertThat(limiter.tryAcquire(List.of("ip:a"))).contains(first.plus(Duration.ofMinutes(10)));

        clock.now = first.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(limiter.tryAcquire(List.of("ip:a"))).isEmpty();
    }

    @Test
    void a_refused_attempt_is_not_counted_against_the_other_keys() {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(1, Duration.ofMinutes(10), clock);
        limiter.tryAcquire(List.of("ip:a", "reference:R1"));

        assertThat(limiter.tryAcquire(List.of("ip:a", "reference:R2"))).isPresent();
        assertThat(limiter.tryAcquire(List.of("ip:b", "reference:R2"))).isEmpty();
    }
}
