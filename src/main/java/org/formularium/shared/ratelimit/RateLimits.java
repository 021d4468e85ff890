package org.formularium.shared.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rate limits of the public entry points, one {@link RateLimiter} each, configured with
 * {@code formularium.rate-limit.<limit>.requests} per {@code formularium.rate-limit.<limit>.window}
 * ({@code requests=0} switches a limit off). Client addresses are those the servlet container reports: behind a
 * reverse proxy they come from {@code X-Forwarded-For} only when the proxy is configured as trusted
 * ({@code FORMULARIUM_TRUSTED_PROXIES}); otherwise the header is ignored. IPv6 addresses are limited per /64
 * network (one subscriber's prefix), IPv4 addresses one by one.
 */
@Component
public class RateLimits {

    /** Counter of refused requests, tag {@code limit}. */
    public static final String METRIC_REFUSED = "formularium.rate-limit.refused";

    /** The limited entry points. */
    public enum Limit {
        /** Citizen submits from the runtime, per client address. */
        SUBMIT,
        /** Status lookups, per client address and per reference. */
        STATUS_LOOKUP,
        /** Opening a resume link, per client address. */
        DRAFT_RESUME,
        /** API requests per API key. */
        API_KEY,
        /** API requests without a valid key, per client address. */
        API_ADDRESS
    }

    /** One limit: requests per window ({@code requests <= 0}: off). */
    public record Setting(int requests, Duration window) {
    }

    private final Map<Limit, RateLimiter> limiters = new EnumMap<>(Limit.class);
    private final MeterRegistry meters;
    private final Clock clock;

    @Autowired
    RateLimits(Clock clock, MeterRegistry meters,
               @Value("${formularium.rate-limit.max-clients:50000}") int maxClients,
               @Value("${formularium.rate-limit.submit.requests:20}") int submitRequests,
               @Value("${formularium.rate-limit.submit.window:PT10M}") Duration submitWindow,
               @Value("${formularium.rate-limit.status-lookup.requests:${formularium.status.max-attempts:10}}") int statusRequests,
               @Value("${formularium.rate-limit.status-lookup.window:${formularium.status.window:PT10M}}") Duration statusWindow,
               @Value("${formularium.rate-limit.draft-resume.requests:20}") int resumeRequests,
               @Value("${formularium.rate-limit.draft-resume.window:PT10M}") Duration resumeWindow,
               @Value("${formularium.rate-limit.api-key.requests:120000}") int apiKeyRequests,
               @Value("${formularium.rate-limit.api-key.window:PT1M}") Duration apiKeyWindow,
               @Value("${formularium.rate-limit.api-address.requests:300}") int apiAddressRequests,
               @Value("${formularium.rate-limit.api-address.window:PT1M}") Duration apiAddressWindow) {
        this(clock, meters, maxClients, Map.of(Limit.SUBMIT, new Setting(submitRequests, submitWindow),
                Limit.STATUS_LOOKUP, new Setting(statusRequests, statusWindow),
                Limit.DRAFT_RESUME, new Setting(resumeRequests, resumeWindow),
                Limit.API_KEY, new Setting(apiKeyRequests, apiKeyWindow),
                Limit.API_ADDRESS, new Setting(apiAddressRequests, apiAddressWindow)));
    }

    /** Limits with these settings (a limit without a setting is off). */
    public RateLimits(Clock clock, MeterRegistry meters, int maxClients, Map<Limit, Setting> settings) {
        this.meters = meters;
        this.clock = clock;
        for (Limit limit : Limit.values()) {
            Setting setting = settings.getOrDefault(limit, new Setting(0, null));
            limiters.put(limit, new RateLimiter(limit.name().toLowerCase(Locale.ROOT), setting.requests(),
                    setting.window(), maxClients, clock));
        }
    }

    /** How long until {@code retryAt}, at least one second (for {@code Retry-After}). */
    public Duration retryAfter(Instant retryAt) {
        Duration wait = Duration.between(clock.instant(), retryAt);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }

    /**
     * Uses one request of each key under this limit.
     *
     * @return empty when allowed, else the moment from which a request is allowed again
     */
    public Optional<Instant> tryAcquire(Limit limit, Collection<String> keys) {
        Optional<Instant> retryAt = limiters.get(limit).tryAcquire(keys);
        if (retryAt.isPresent()) {
            meters.counter(METRIC_REFUSED, "limit", limit.name().toLowerCase(Locale.ROOT)).increment();
        }
        return retryAt;
    }

    /** {@link #tryAcquire(Limit, Collection)} for a client address. */
    public Optional<Instant> tryAcquireForClient(Limit limit, String clientAddress) {
        return tryAcquire(limit, List.of(clientKey(clientAddress)));
    }

    /** The limiter behind a limit (tests, administration). */
    public RateLimiter limiter(Limit limit) {
        return limiters.get(limit);
    }

    /** The key of a client address: {@code ip:<IPv4>} or {@code ip:<IPv6 /64 prefix>}; unknown: {@code ip:unknown}. */
    public static String clientKey(String address) {
        if (address == null || address.isBlank()) {
            return "ip:unknown";
        }
        String plain = address.strip();
        if (plain.startsWith("[") && plain.endsWith("]")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        if (plain.indexOf(':') >= 0 && plain.matches("[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?")) {
            try {
                byte[] bytes = InetAddress.getByName(plain.replaceAll("%.*$", "")).getAddress();
                if (bytes.length == 16) {
                    StringBuilder prefix = new StringBuilder("ip:");
                    for (int i = 0; i < 8; i += 2) {
                        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return prefix.append(":/64").toString();
                }
                return "ip:" + InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return "ip:" + plain;
            }
        }
        return "ip:" + plain;
    }
}
