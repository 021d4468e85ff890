package org.formularium.shared.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code requests} per {@code window} for each key (a client address, an API key, a reference), as a
 * token bucket: a key may use all its requests at once and then gets one back every {@code window / requests};
 * after a whole window it has all of them again. In memory, per instance (with sticky sessions an attacker gains
 * at most a factor of the number of instances).
 *
 * <p>Memory is bounded: at most {@code maxKeys} buckets are kept, each a few dozen bytes. A bucket that has
 * refilled completely is the same as no bucket and is dropped when room is needed. When more keys than that are
 * active at once (a distributed attack), new keys are refused until buckets refill — the limiter fails closed
 * rather than forgetting the keys it is limiting.
 */
public final class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final String name;
    private final int requests;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final double nanosPerToken;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private long noPurgeBefore = Long.MIN_VALUE;

    private static final class Bucket {
        double tokens;
        long at;
    }

    /**
     * @param requests requests per window and key; zero or less switches the limit off
     * @param window   the window in which {@code requests} are allowed
     * @param maxKeys  the most keys kept in memory
     */
    public RateLimiter(String name, int requests, Duration window, int maxKeys, Clock clock) {
        if (requests > 0 && (window == null || window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("rate limit " + name + ": the window must be positive");
        }
        this.name = name;
        this.requests = requests;
        this.window = window;
        this.maxKeys = Math.max(1, maxKeys);
        this.clock = clock;
        this.nanosPerToken = requests > 0 ? (double) window.toNanos() / requests : 0;
    }

    public boolean enabled() {
        return requests > 0;
    }

    public int requests() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    /** {@link #tryAcquire(Collection)} for one key. */
    public Optional<Instant> tryAcquire(String key) {
        return tryAcquire(List.of(key));
    }

    /**
     * Uses one request of every key, unless one of them has none left: then nothing is used and the answer is
     * the moment from which all keys allow a request again.
     */
    public synchronized Optional<Instant> tryAcquire(Collection<String> keys) {
        if (!enabled()) {
            return Optional.empty();
        }
        long now = nanos(clock.instant());
        long waitNanos = 0;
        for (String key : keys) {
            Bucket bucket = buckets.get(key);
            double tokens = bucket == null ? requests : refill(bucket, now);
            if (tokens < 1) {
                waitNanos = Math.max(waitNanos, (long) Math.ceil((1 - tokens) * nanosPerToken));
            }
        }
        List<String> fresh = new ArrayList<>();
        for (String key : keys) {
            if (!buckets.containsKey(key)) {
                fresh.add(key);
            }
        }
        if (waitNanos == 0 && !fresh.isEmpty() && !makeRoom(fresh.size(), now)) {
            waitNanos = (long) Math.ceil(nanosPerToken);
        }
        if (waitNanos > 0) {
            return Optional.of(instant(now + waitNanos));
        }
        for (String key : keys) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> {
                Bucket b = new Bucket();
                b.tokens = requests;
                b.at = now;
                return b;
            });
            bucket.tokens = refill(bucket, now) - 1;
            bucket.at = now;
        }
        return Optional.empty();
    }

    /** How many keys are kept (tests, metrics). */
    public synchronized int size() {
        return buckets.size();
    }

    private double refill(Bucket bucket, long now) {
        double earned = Math.max(0, now - bucket.at) / nanosPerToken;
        return Math.min(requests, bucket.tokens + earned);
    }

    /** Drops full buckets when the map is full; false when there is still no room (do not purge again soon). */
    private boolean makeRoom(int needed, long now) {
        if (buckets.size() + needed <= maxKeys) {
            return true;
        }
        if (now < noPurgeBefore) {
            return false;
        }
        buckets.values().removeIf(bucket -> refill(bucket, now) >= requests);
        if (buckets.size() + needed <= maxKeys) {
            return true;
        }
        noPurgeBefore = now + (long) Math.ceil(nanosPerToken);
        LOG.warn("Rate limit {}: more than {} clients active at once; new clients are refused for now", name, maxKeys);
        return false;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
