package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.api.keys.ApiKeyService;
import org.formularium.api.keys.ApiScope;
import org.formularium.support.AbstractAbuseProtectionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rate limit (3 per window in this context): citizen submit, status lookup, draft resume and the API (per key
 * and, without a key, per client address — X-Forwarded-For from an untrusted peer is ignored); and recovery once
 * the (controllable) clock has passed the window.
 */
class RateLimitTest extends AbstractAbuseProtectionTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private int storedWith(FormView view) {
        return jdbc.queryForObject("select count(*) from submission where idempotency_key = ?", Integer.class,
                view.state().idempotencyKey);
    }

    private FormView submitOnce() {
        FormView view = Fillings.filledUpToReview("buecherwunsch");
        clock.advance(Duration.ofSeconds(5));
        _click(view.submit);
        return view;
    }

    @Test
    void the_fourth_submit_within_ten_minutes_is_refused_with_a_message_and_the_answers_are_kept() {
        for (int i = 0; i < 3; i++) {
            FormView view = submitOnce();
            assertThat(_find(ConfirmationView.class)).as("submit %d", i + 1).hasSize(1);
            assertThat(storedWith(view)).isEqualTo(1);
        }

        FormView refused = submitOnce();

        assertThat(_find(ConfirmationView.class)).isEmpty();
        assertThat(refused.currentStep()).isEqualTo(FillingState.REVIEW_STEP);
        assertThat(refused.errorSummary.isVisible()).isTrue();
        assertThat(refused.errorSummary.getElement().getTextRecursively())
                .contains("zu viele Formulare abgeschickt", "Ihre Angaben bleiben erhalten");
        Fillings.sample("buecherwunsch").fields().forEachRemaining(answer ->
                assertThat(refused.data().get(answer.getKey())).as(answer.getKey()).isEqualTo(answer.getValue()));
        assertThat(storedWith(refused)).isZero();
        assertThat(refused.submit.isEnabled()).isTrue();

        clock.advance(Duration.ofMinutes(10));
        _click(refused.submit);

        assertThat(_find(ConfirmationView.class)).hasSize(1);
        assertThat(storedWith(refused)).isEqualTo(1);
    }

    private String lookUpStatus() {
        UI.getCurrent().navigate("status");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Referenznummer")), "FM-1999-" + UUID.randomUUID().toString().substring(0, 6));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Zugangscode")), "WRONGCODE123");
        _click(_get(Button.class, spec -> spec.withText("Stand abfragen")));
        return _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("status-result"))
                .getElement().getTextRecursively();
    }

    @Test
    void the_fourth_status_lookup_within_ten_minutes_is_refused_until_the_window_has_passed() {
        for (int i = 0; i < 3; i++) {
            assertThat(lookUpStatus()).doesNotContain("Zu viele Versuche");
        }

        assertThat(lookUpStatus()).contains("Zu viele Versuche");

        clock.advance(Duration.ofMinutes(10));
        assertThat(lookUpStatus()).doesNotContain("Zu viele Versuche");
    }

    private String resume() {
        UI.getCurrent().navigate("f/buecherwunsch/fortsetzen/" + "A".repeat(43));
        return _get(ResumeView.class).getChildren().filter(H1.class::isInstance).map(c -> ((H1) c).getText())
                .findFirst().orElseThrow();
    }

    @Test
    void the_fourth_resume_link_within_ten_minutes_is_refused_until_the_window_has_passed() {
        for (int i = 0; i < 3; i++) {
            assertThat(resume()).isEqualTo("Link ungültig oder abgelaufen");
        }

        assertThat(resume()).isEqualTo("Zu viele Versuche");
        assertThat(_get(ResumeView.class).getElement().getTextRecursively()).contains("Links zum Fortsetzen");
        assertThat(_get(ResumeView.class).getPageTitle()).startsWith("Zu viele Versuche");

        clock.advance(Duration.ofMinutes(10));
        assertThat(resume()).isEqualTo("Link ungültig oder abgelaufen");
    }

    private HttpResponse<String> get(String path, String key, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_api_answers_429_with_retry_after_per_key_and_recovers_after_the_window() throws Exception {
        String key = apiKeys.create("rate " + UUID.randomUUID(), Set.of(ApiScope.FORMS_READ), null, "test").plainKey();
        String other = apiKeys.create("rate other " + UUID.randomUUID(), Set.of(ApiScope.FORMS_READ), null, "test").plainKey();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/forms", key, null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = get("/api/v1/forms", key, null);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(limited.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("type").asText()).endsWith("/too-many-requests");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/forms");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(get("/api/v1/forms", other, null).statusCode()).as("another key has its own limit").isEqualTo(200);

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(get("/api/v1/forms", key, null).statusCode()).isEqualTo(200);
    }

    @Test
    void without_a_key_the_api_limits_the_client_address_and_ignores_a_forged_x_forwarded_for() throws Exception {
        String path = "/api/v1/schemas/form-definition-v1.json";
        for (int i = 0; i < 3; i++) {
            assertThat(get(path, null, "203.0.113." + i).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = get(path, null, "198.51.100.7");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(get(path, null, null).statusCode()).isEqualTo(200);
    }
}
