package org.formularium.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast submissions arrive (counted per second, the last full second decides) and, from that, how long
 * the outbox worker rests after an item: under pressure it works at most {@code share} of the time.
 */
final class IngestPressure {

    private static final long SECOND = 1_000_000_000L;
    private static final long MAX_PAUSE = SECOND;

    private final int threshold;
    private final double share;
    private final AtomicLong second = new AtomicLong();
    private final AtomicLong inSecond = new AtomicLong();
    private volatile long lastSecond;
    private volatile long lastCount;

    IngestPressure(int threshold, double share) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("formularium.outbox.busy-share must be in (0, 1]");
        }
        this.threshold = threshold;
        this.share = share;
    }

    void record() {
        record(System.nanoTime());
    }

    void record(long nanos) {
        long current = nanos / SECOND;
        long seen = second.get();
        if (current != seen && second.compareAndSet(seen, current)) {
            lastSecond = seen;
            lastCount = inSecond.getAndSet(0);
        }
        inSecond.incrementAndGet();
    }

    /** Whether at least {@code threshold} submissions arrived in the last full second. */
    boolean high(long nanos) {
        long current = nanos / SECOND;
        long seen = second.get();
        if (seen == current) {
            return lastSecond == current - 1 && lastCount >= threshold;
        }
        return seen == current - 1 && inSecond.get() >= threshold;
    }

    long pauseAfter(long workedNanos) {
        return pauseAfter(workedNanos, System.nanoTime());
    }

    long pauseAfter(long workedNanos, long now) {
        if (share >= 1 || !high(now)) {
            return 0;
        }
        return Math.min(MAX_PAUSE, (long) (workedNanos * (1 / share - 1)));
    }
}
