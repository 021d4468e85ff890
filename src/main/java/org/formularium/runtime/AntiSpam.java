package org.formularium.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Anti-spam for the anonymous runtime without captchas or tracking: a honeypot field that people never see
 * (hidden visually and from assistive technology) and a minimum time from opening a form to submitting it
 * ({@code formularium.anti-spam.min-fill-time}, default 3 seconds; {@code PT0S} switches it off). Both are
 * decided on the server (the opening time is kept in the session). A suspected bot is refused before anything is
 * stored; the counter {@value #METRIC_REFUSED} (tag {@code reason}) counts the refusals.
 */
@Component
public class AntiSpam {

    public static final String METRIC_REFUSED = "formularium.spam.refused";
    private static final Logger LOG = LoggerFactory.getLogger(AntiSpam.class);

    /** Why a submission looks like a bot's. */
    public enum Suspicion { HONEYPOT_FILLED, TOO_FAST }

    private final Clock clock;
    private final Duration minFillTime;
    private final MeterRegistry meters;

    public AntiSpam(Clock clock, MeterRegistry meters,
                    @Value("${formularium.anti-spam.min-fill-time:PT3S}") Duration minFillTime) {
        this.clock = clock;
        this.meters = meters;
        this.minFillTime = minFillTime;
    }

    /** The moment a form is opened (pass it to {@link #check} at submit). */
    public Instant now() {
        return clock.instant();
    }

    public Duration minFillTime() {
        return minFillTime;
    }

    /**
     * Checks a submit attempt; a suspicion is counted and logged (without any data).
     *
     * @param honeypot the honeypot field's value ({@code null} or empty from people)
     * @param openedAt when the form was opened in this session
     */
    public Optional<Suspicion> check(String honeypot, Instant openedAt) {
        Suspicion suspicion = null;
        if (honeypot != null && !honeypot.isEmpty()) {
            suspicion = Suspicion.HONEYPOT_FILLED;
        } else if (openedAt != null && Duration.between(openedAt, clock.instant()).compareTo(minFillTime) < 0) {
            suspicion = Suspicion.TOO_FAST;
        }
        if (suspicion != null) {
            meters.counter(METRIC_REFUSED, "reason", suspicion.name().toLowerCase(Locale.ROOT)).increment();
            LOG.info("Submission refused as suspected spam: {}", suspicion);
        }
        return Optional.ofNullable(suspicion);
    }
}
