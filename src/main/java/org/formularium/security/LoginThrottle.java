package org.formularium.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Throttles password guessing: after {@code max-failures} failed logins for one user name (whether the user
 * exists or not, so the lockout tells nothing about existing accounts), or {@code max-failures-per-address}
 * from one client address, further logins for that name or from that address are refused for
 * {@code lockout} — even with the right password. In memory and bounded (the least recently used entries are
 * dropped beyond {@code tracked-keys}); per instance, so with N instances an attacker gets at most N times the
 * attempts.
 */
@Component
public class LoginThrottle {

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration lockout;
    private final Counters byName;
    private final Counters byAddress;
    private Clock clock;

    LoginThrottle(@Value("${formularium.login.max-failures:5}") int maxFailures,
                  @Value("${formularium.login.max-failures-per-address:30}") int maxFailuresPerAddress,
                  @Value("${formularium.login.lockout:PT15M}") Duration lockout,
                  @Value("${formularium.login.tracked-keys:10000}") int trackedKeys,
                  Clock clock) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lockout = lockout;
        this.byName = new Counters(trackedKeys);
        this.byAddress = new Counters(trackedKeys);
        this.clock = clock;
    }

    /** Until when logins for this name or from this address are refused, if they are. */
    public synchronized Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant name = byName.lockedUntil(key(username), now);
        Instant client = address == null ? null : byAddress.lockedUntil(address, now);
        if (name == null) {
            return Optional.ofNullable(client);
        }
        return Optional.of(client == null || name.isAfter(client) ? name : client);
    }

    /** Counts a failed login; returns the end of the lockout if this failure started one. */
    public synchronized Optional<Instant> failed(String username, String address) {
        Instant now = clock.instant();
        Instant name = byName.fail(key(username), now, maxFailures, lockout);
        Instant client = address == null ? null : byAddress.fail(address, now, maxFailuresPerAddress, lockout);
        return Optional.ofNullable(name != null ? name : client);
    }

    /** A successful login clears the failures of the name (not of the address). */
    public synchronized void succeeded(String username) {
        byName.clear(key(username));
    }

    /** The time left until a moment (never negative). */
    public synchronized Duration remaining(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** For tests: a controllable clock. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    /** Failures within the lockout period per key, least recently used first. */
    private static final class Counters {

        private final Map<String, State> states;

        Counters(int capacity) {
            this.states = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                    return size() > capacity;
                }
            };
        }

        Instant lockedUntil(String key, Instant now) {
            State state = states.get(key);
            return state != null && state.lockedUntil != null && now.isBefore(state.lockedUntil)
                    ? state.lockedUntil : null;
        }

        Instant fail(String key, Instant now, int max, Duration lockout) {
            State state = states.get(key);
            if (state == null || now.isAfter(state.since.plus(lockout))
                    || (state.lockedUntil != null && !now.isBefore(state.lockedUntil))) {
                state = new State(now);
                states.put(key, state);
            }
            state.failures++;
            if (state.failures >= max && state.lockedUntil == null) {
                state.lockedUntil = now.plus(lockout);
                return state.lockedUntil;
            }
            return null;
        }

        void clear(String key) {
            states.remove(key);
        }
    }

    private static final class State {
        private final Instant since;
        private int failures;
        private Instant lockedUntil;

        State(Instant since) {
            this.since = since;
        }
    }
}
