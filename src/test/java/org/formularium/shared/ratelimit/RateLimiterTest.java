package org.formularium.shared.ratelimit;

import org.formularium.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void a_key_may_use_all_requests_at_once_then_gets_one_back_per_window_share_and_all_after_a_window() {
        RateLimiter limiter = new RateLimiter("test", 3, Duration.ofMinutes(9), 100, clock);
        Instant start = clock.instant();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("ip:a")).isEmpty();
        }

        assertThat(limiter.tryAcquire("ip:a")).contains(start.plus(Duration.ofMinutes(3)));

        clock.advance(Duration.ofMinutes(3));
        assertThat(limiter.tryAcquire("ip:a")).isEmpty();
        assertThat(limiter.tryAcquire("ip:a")).isPresent();

        clock.advance(Duration.ofMinutes(9));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("ip:a")).as("request %d after a whole window", i + 1).isEmpty();
        }
        assertThat(limiter.tryAcquire("ip:a")).isPresent();
    }

    @Test
    void a_refused_request_is_not_counted_against_the_other_keys() {
        RateLimiter limiter = new RateLimiter("test", 1, Duration.ofMinutes(10), 100, clock);
        limiter.tryAcquire(List.of("ip:a", "reference:R1"));

        assertThat(limiter.tryAcquire(List.of("ip:a", "reference:R2"))).isPresent();
        assertThat(limiter.tryAcquire(List.of("ip:b", "reference:R2"))).isEmpty();
    }

    @Test
    void zero_requests_switch_the_limit_off() {
        RateLimiter limiter = new RateLimiter("off", 0, null, 100, clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire("key:1")).isEmpty();
        }
        assertThat(limiter.size()).isZero();
    }

    @Test
    void memory_is_bounded_refilled_keys_are_dropped_and_when_full_new_keys_wait() {
        RateLimiter limiter = new RateLimiter("test", 2, Duration.ofMinutes(1), 3, clock);
        for (String key : List.of("a", "b", "c")) {
            assertThat(limiter.tryAcquire(key)).isEmpty();
        }

        assertThat(limiter.tryAcquire("d")).as("full: the limiter fails closed").isPresent();
        assertThat(limiter.tryAcquire("a")).as("known keys go on").isEmpty();
        assertThat(limiter.size()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("d")).as("refilled buckets make room").isEmpty();
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void client_keys_limit_ipv6_per_64_network_and_ipv4_per_address() {
        assertThat(RateLimits.clientKey("2001:db8:1:2:aaaa::1")).isEqualTo(RateLimits.clientKey("2001:db8:1:2:bbbb::9"))
                .isEqualTo("ip:2001:db8:1:2::/64");
        assertThat(RateLimits.clientKey("2001:db8:1:3::1")).isNotEqualTo(RateLimits.clientKey("2001:db8:1:2::1"));
        assertThat(RateLimits.clientKey("[::1]")).isEqualTo("ip:0:0:0:0::/64");
        assertThat(RateLimits.clientKey("192.0.2.1")).isEqualTo("ip:192.0.2.1").isNotEqualTo(RateLimits.clientKey("192.0.2.2"));
        assertThat(RateLimits.clientKey(null)).isEqualTo("ip:unknown");
    }
}
