package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.api.keys.ApiKeyService;
import org.formularium.api.keys.ApiScope;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.Privacy;
import org.formularium.definition.store.FormService;
import org.formularium.submission.PrivacyNoticeText;
import org.formularium.support.AbstractAbuseProtectionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each submission stores the privacy step exactly as shown — of the version submitted, in the citizen's language —
 * and the time of consent: from the runtime and from the API.
 */
class PrivacyNoticeStoredTest extends AbstractAbuseProtectionTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormService forms;
    @Autowired
    PrivacyNoticeText notices;
    @Autowired
    ApiKeyService apiKeys;

    private Privacy privacy(String formKey) {
        return forms.latestPublished(formKey).orElseThrow().definition().privacy();
    }

    private Map<String, Object> row(String where, Object value) {
        return jdbc.queryForMap("select privacy_notice, consent_at, submitted_at, language from submission where "
                + where + " = ?", value);
    }

    @Test
    void the_runtime_stores_the_english_notice_shown_and_the_time_of_consent() {
        useLanguage(Locale.ENGLISH);
        FormView view = Fillings.filledUpToReview("buecherwunsch");
        Instant consented = view.state().consentAt;
        clock.advance(Duration.ofSeconds(30));

        _click(view.submit);

        assertThat(_find(ConfirmationView.class)).hasSize(1);
        Map<String, Object> row = row("idempotency_key", view.state().idempotencyKey);
        Privacy privacy = privacy("buecherwunsch");
        String notice = (String) row.get("privacy_notice");
        assertThat(notice).isEqualTo(notices.of(privacy, Locale.ENGLISH))
                .contains(privacy.notice().get("en").strip(), "Controller: " + privacy.controller().get("en"),
                        "Retention period: " + privacy.retentionDays() + " days after your request has been decided",
                        "I have read the privacy notice")
                .doesNotContain(privacy.notice().get("de").strip());
        assertThat(row.get("language")).isEqualTo("en");
        assertThat(consented).isNotNull();
        Instant consentAt = ((Timestamp) row.get("consent_at")).toInstant();
        assertThat(Duration.between(consented, consentAt).abs()).as("stored in microseconds")
                .isLessThanOrEqualTo(Duration.ofNanos(1000));
        assertThat(consentAt).isBeforeOrEqualTo(((Timestamp) row.get("submitted_at")).toInstant());
    }

    @Test
    void without_consent_the_runtime_stores_the_german_notice_and_no_consent_time() {
        // without the photo: the demo answers name an upload that does not exist here
        ObjectNode answers = Fillings.sample("fundsache");
        answers.remove("item_photo");
        FormView view = Fillings.filledUpToReview("fundsache", answers);
        clock.advance(Duration.ofSeconds(30));

        _click(view.submit);

        Map<String, Object> row = row("idempotency_key", view.state().idempotencyKey);
        assertThat((String) row.get("privacy_notice")).isEqualTo(notices.of(privacy("fundsache"), Locale.GERMAN))
                .contains(privacy("fundsache").notice().get("de").strip(), "Verantwortliche Stelle: ");
        assertThat(row.get("consent_at")).isNull();
    }

    @Test
    void the_api_stores_the_notice_in_the_request_language_and_the_consent_time_given() throws Exception {
        String key = apiKeys.create("privacy " + UUID.randomUUID(), Set.of(ApiScope.SUBMISSIONS_WRITE), null, "test")
                .plainKey();
        String idempotencyKey = UUID.randomUUID().toString();
        String body = DefinitionJson.mapper().writeValueAsString(Fillings.sample("buecherwunsch"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/forms/buecherwunsch/submissions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).header("Content-Language", "en")
                .header("Privacy-Consent-At", "2026-03-01T10:15:00+01:00")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<String, Object> row = row("idempotency_key", "api:" + idempotencyKey);
        assertThat((String) row.get("privacy_notice")).isEqualTo(notices.of(privacy("buecherwunsch"), Locale.ENGLISH));
        assertThat(((Timestamp) row.get("consent_at")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-01T10:15:00+01:00").toInstant());
    }

    @Test
    void the_api_refuses_a_malformed_consent_time() throws Exception {
        String key = apiKeys.create("privacy " + UUID.randomUUID(), Set.of(ApiScope.SUBMISSIONS_WRITE), null, "test")
                .plainKey();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/forms/buecherwunsch/submissions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Privacy-Consent-At", "yesterday")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Privacy-Consent-At");
    }
}
