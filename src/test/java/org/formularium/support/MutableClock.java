package org.formularium.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves forward; starts at the real time. */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.now();
    private final ZoneId zone;

    public MutableClock() {
        this(ZoneId.systemDefault());
    }

    private MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
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
