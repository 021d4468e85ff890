package org.formularium.runtime.ui;

import com.vaadin.flow.component.html.NativeLabel;
import io.micrometer.core.instrument.MeterRegistry;
import org.formularium.runtime.AntiSpam;
import org.formularium.support.AbstractAbuseProtectionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anti-spam without captchas (minimum fill time 3 s in this context): a filled honeypot and a submit faster than
 * people can fill a form are refused with a neutral message, nothing is stored and a counter counts them; people
 * never see, reach or hear the honeypot.
 */
class AntiSpamTest extends AbstractAbuseProtectionTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private int stored(FormView view) {
        return jdbc.queryForObject("select count(*) from submission where idempotency_key = ?", Integer.class,
                view.state().idempotencyKey);
    }

    private double refusals(AntiSpam.Suspicion reason) {
        var counter = meters.find(AntiSpam.METRIC_REFUSED).tag("reason", reason.name().toLowerCase()).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertRefusedNeutrally(FormView view) {
        assertThat(_find(ConfirmationView.class)).isEmpty();
        assertThat(view.currentStep()).isEqualTo(FillingState.REVIEW_STEP);
        assertThat(view.errorSummary.isVisible()).isTrue();
        assertThat(view.errorSummary.getElement().getTextRecursively())
                .contains("Ihre Angaben konnten nicht gesendet werden")
                .doesNotContainIgnoringCase("spam").doesNotContainIgnoringCase("bot");
        assertThat(view.submit.isEnabled()).isTrue();
    }

    @Test
    void a_filled_honeypot_is_refused_and_not_stored() {
        double before = refusals(AntiSpam.Suspicion.HONEYPOT_FILLED);
        FormView view = Fillings.filledUpToReview("buecherwunsch");
        clock.advance(Duration.ofMinutes(2));
        _setValue(view.honeypot, "https://spam.example");

        _click(view.submit);

        assertRefusedNeutrally(view);
        assertThat(stored(view)).isZero();
        assertThat(refusals(AntiSpam.Suspicion.HONEYPOT_FILLED)).isEqualTo(before + 1);
    }

    @Test
    void a_submit_faster_than_the_minimum_fill_time_is_refused_and_not_stored_and_a_later_one_is_stored() {
        double before = refusals(AntiSpam.Suspicion.TOO_FAST);
        FormView view = Fillings.filledUpToReview("buecherwunsch");
        clock.advance(Duration.ofSeconds(2));

        _click(view.submit);

        assertRefusedNeutrally(view);
        assertThat(stored(view)).isZero();
        assertThat(refusals(AntiSpam.Suspicion.TOO_FAST)).isEqualTo(before + 1);
        assertThat(view.data().path("media_title").asText()).isNotBlank();

        clock.advance(Duration.ofSeconds(1));
        _click(view.submit);

        assertThat(_find(ConfirmationView.class)).hasSize(1);
        assertThat(stored(view)).isEqualTo(1);
    }

    @Test
    void a_person_filling_normally_submits_and_the_submission_is_stored() {
        FormView view = Fillings.filledUpToReview("buecherwunsch");
        clock.advance(Duration.ofSeconds(40));

        _click(view.submit);

        assertThat(_find(ConfirmationView.class)).hasSize(1);
        assertThat(stored(view)).isEqualTo(1);
    }

    @Test
    void the_honeypot_is_hidden_from_sight_keyboard_assistive_technology_and_autofill() {
        FormView view = Fillings.open("buecherwunsch");

        assertThat(view.honeypotContainer.getParent()).contains(view);
        assertThat(view.honeypotContainer.getElement().getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(view.honeypotContainer.getStyle().get("position")).isEqualTo("absolute");
        assertThat(view.honeypotContainer.getStyle().get("left")).isEqualTo("-10000px");
        assertThat(view.honeypotContainer.getStyle().get("overflow")).isEqualTo("hidden");
        assertThat(view.honeypot.getElement().getTag()).isEqualTo("input");
        assertThat(view.honeypot.getElement().getAttribute("tabindex")).isEqualTo("-1");
        assertThat(view.honeypot.getElement().getAttribute("autocomplete")).isEqualTo("off");
        NativeLabel label = view.honeypotContainer.getChildren().filter(NativeLabel.class::isInstance)
                .map(NativeLabel.class::cast).findFirst().orElseThrow();
        assertThat(label.getFor()).contains(view.honeypot.getId().orElseThrow());
        assertThat(view.honeypot.getValue()).isEmpty();
    }
}
