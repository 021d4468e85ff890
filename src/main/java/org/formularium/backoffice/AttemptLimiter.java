package org.formularium.backoffice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code maxAttempts} attempts per key within a sliding window, in memory (per instance; with
 * sticky sessions an attacker gains at most a factor of the number of instances).
 */
final class AttemptLimiter {

    private static final int CLEANUP_EVERY = 1000;

    private final int maxAttempts;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private int sinceCleanup;

    AttemptLimiter(int maxAttempts, Duration window, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Records one attempt for every key, unless one of them is used up: then nothing is recorded and the
     * answer is the moment from which all keys allow an attempt again.
     */
    synchronized Optional<Instant> tryAcquire(Collection<String> keys) {
        Instant now = clock.instant();
        cleanupNowAndThen(now);
        Instant retryAt = null;
        for (String key : keys) {
            Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
            expire(times, now);
            if (times.size() >= maxAttempts) {
                Instant free = times.peekFirst().plus(window);
                retryAt = retryAt == null || free.isAfter(retryAt) ? free : retryAt;
            }
        }
        if (retryAt != null) {
            return Optional.of(retryAt);
        }
        keys.forEach(key -> attempts.get(key).addLast(now));
        return Optional.empty();
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private void cleanupNowAndThen(Instant now) {
        if (++sinceCleanup < CLEANUP_EVERY) {
            return;
        }
        sinceCleanup = 0;
        attempts.values().forEach(times -> expire(times, now));
        attempts.values().removeIf(Deque::isEmpty);
    }
}
