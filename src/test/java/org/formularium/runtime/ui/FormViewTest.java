package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import org.formularium.definition.DefinitionJson;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

/** The citizen's wizard on the demo forms: validation, logic, review, submit, drafts. */
class FormViewTest extends AbstractKaribuTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.formularium.submission.SubmissionService submissions;

    private FormView open(String key) {
        UI.getCurrent().navigate("f/" + key);
        return _get(FormView.class);
    }

    private static ObjectNode sample(String key) {
        try (InputStream in = FormViewTest.class.getResourceAsStream("/forms/demo-submissions/" + key + ".json")) {
            return (ObjectNode) DefinitionJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts answers into the filling and shows the current step again (as if typed). */
    private static void answer(FormView view, ObjectNode answers) {
        view.data().setAll(answers);
        view.showStep(view.currentStep(), false);
    }

    private static Button button(String text) {
        return _get(Button.class, spec -> spec.withText(text));
    }

    /** Clicks "Weiter" through the pages and the privacy step (consenting) up to the review. */
    private static void continueToReview(FormView view) {
        for (int i = 0; i < 10 && !FillingState.REVIEW_STEP.equals(view.currentStep()); i++) {
            if (FillingState.PRIVACY_STEP.equals(view.currentStep())) {
                _setValue(view.privacyConsent, true);
            }
            String before = view.currentStep();
            _click(view.next);
            assertThat(view.currentStep()).as("errors on " + before + ": " + view.errorSummary.links().stream()
                    .map(Anchor::getText).toList()).isNotEqualTo(before);
        }
    }

    @Test
    void next_without_answers_shows_an_error_summary_with_a_link_per_error_and_inline_messages() {
        FormView view = open("buecherwunsch");

        _click(view.next);

        assertThat(view.errorSummary.isVisible()).isTrue();
        assertThat(view.errorSummary.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(view.errorSummary.getElement().getAttribute("tabindex")).isEqualTo("-1");
        assertThat(view.errorSummary.getElement().getAttribute("aria-labelledby")).isEqualTo("error-summary-title");
        assertThat(view.errorSummary.links()).extracting(Anchor::getHref)
                .contains("#" + RenderContext.fieldId("media_type"), "#" + RenderContext.fieldId("media_title"));
        assertThat(view.errorSummary.links()).allSatisfy(link ->
                assertThat(link.getElement().getAttribute("router-ignore")).isNotNull());
        assertThat(view.getPageTitle()).startsWith("Fehler: ");
        TextField title = _get(TextField.class, spec -> spec.withId(RenderContext.fieldId("media_title")));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isNotBlank();
        assertThat(view.progress.getText()).isEqualTo("Schritt 1 von 4");
    }

    @Test
    void a_valid_page_leads_to_the_next_step_and_back_keeps_the_answers() {
        FormView view = open("buecherwunsch");
        ObjectNode answers = sample("buecherwunsch");
        answer(view, answers);

        _click(view.next);

        assertThat(view.progress.getText()).isEqualTo("Schritt 2 von 4");
        assertThat(view.stepHeading.getText()).isNotBlank();
        assertThat(view.getPageTitle()).startsWith(view.stepHeading.getText() + " – ");

        _click(view.back);

        assertThat(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("media_title"))).getValue())
                .isEqualTo(answers.get("media_title").asText());
    }

    @Test
    void visibility_follows_answers_in_the_wizard() {
        FormView view = open("buecherwunsch");
        answer(view, sample("buecherwunsch"));
        _click(view.next);
        RadioButtonGroup<?> notify = _get(RadioButtonGroup.class, spec -> spec.withId(RenderContext.fieldId("notify_by")));
        assertThat(notify.isVisible()).isTrue();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> reserve = (RadioButtonGroup<Boolean>) _get(RadioButtonGroup.class,
                spec -> spec.withId(RenderContext.fieldId("reserve")));
        _setValue(reserve, Boolean.FALSE);

        assertThat(notify.isVisible()).isFalse();
    }

    @Test
    void privacy_step_requires_consent_before_the_review() {
        FormView view = open("buecherwunsch");
        answer(view, sample("buecherwunsch"));
        _click(view.next);
        _click(view.next);
        assertThat(view.currentStep()).isEqualTo(FillingState.PRIVACY_STEP);

        _click(view.next);

        assertThat(view.errorSummary.links()).extracting(Anchor::getHref).containsExactly("#privacy-consent");
        assertThat(view.privacyConsent.isInvalid()).isTrue();
        _setValue(view.privacyConsent, true);
        _click(view.next);
        assertThat(view.currentStep()).isEqualTo(FillingState.REVIEW_STEP);
    }

    /** Clicks the review's "change" button named {@code ariaLabel} as the browser reports it (delegated listener). */
    private static void clickChange(FormView view, String ariaLabel) {
        String html = reviewHtml();
        Matcher button = Pattern.compile("data-i=\"(\\d+)\" aria-label=\"" + Pattern.quote(ariaLabel) + "\"").matcher(html);
        assertThat(button.find()).as("a change button named " + ariaLabel + " in " + html).isTrue();
        Fillings.clickReview(button.group(1));
    }

    private static String reviewHtml() {
        return _get(ReviewAnswers.class).getChildren().map(c -> c.getElement().getProperty("innerHTML", ""))
                .collect(Collectors.joining());
    }

    /** Opens the form, answers it with its demo submission and continues to the review. */
    private FormView atReview(String key) {
        FormView view = open(key);
        answer(view, sample(key));
        continueToReview(view);
        return view;
    }

    @Test
    void change_button_on_the_review_returns_to_the_field_and_back_to_the_overview() {
        FormView view = atReview("buecherwunsch");

        clickChange(view, "Vorname ändern");

        assertThat(view.currentStep()).isEqualTo("reader");
        assertThat(view.backToReview.isVisible()).isTrue();
        assertThat(view.next.isVisible()).isFalse();
        _setValue(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("first_name"))), "Jutta");
        _click(view.backToReview);

        assertThat(view.currentStep()).isEqualTo(FillingState.REVIEW_STEP);
        assertThat(reviewHtml()).contains("<dt>Vorname</dt><dd class=\"review-value\">Jutta</dd>");
    }

    @Test
    void change_button_of_the_consent_opens_the_privacy_step() {
        FormView view = atReview("buecherwunsch");

        clickChange(view, "Datenschutz ändern");

        assertThat(view.currentStep()).isEqualTo(FillingState.PRIVACY_STEP);
        assertThat(view.backToReview.isVisible()).isTrue();
    }

    @Test
    void clicks_beside_the_buttons_and_unknown_button_numbers_change_nothing() {
        FormView view = atReview("buecherwunsch");

        Fillings.clickReview(null);
        Fillings.clickReview("9999");
        Fillings.clickReview("-1");
        Fillings.clickReview("1e3");
        Fillings.clickReview("99999999999999999999");

        assertThat(view.currentStep()).isEqualTo(FillingState.REVIEW_STEP);
        assertThat(view.state().returnToReview).isFalse();
    }

    @Test
    void submitting_twice_stores_one_submission_without_hidden_answers_and_confirms_with_reference_and_access_code() {
        FormView view = open("buecherwunsch");
        ObjectNode answers = sample("buecherwunsch");
        answers.put("reserve", false);
        answer(view, answers);
        continueToReview(view);
        String key = view.state().idempotencyKey;
        assertThat(view.data().get("notify_by").asText()).as("the hidden answer is still in the filling").isEqualTo("EMAIL");

        _click(view.submit);
        view.submit(); // a second click
        view.state().receipt = null;
        view.submit(); // a resend after a lost answer: the service replays the first result

        assertThat(jdbc.queryForObject("select count(*) from submission where idempotency_key = ?", Integer.class, key)).isEqualTo(1);
        String data = submissions.find(jdbc.queryForObject("select reference from submission where idempotency_key = ?",
                String.class, key)).orElseThrow().data().toString();
        assertThat(data).doesNotContain("notify_by").contains("Weißmüller");
        ConfirmationView confirmation = _get(ConfirmationView.class);
        assertThat(_get(confirmation, H1.class).getText()).isEqualTo("Antrag eingegangen");
        String reference = _get(Span.class, spec -> spec.withId("reference")).getText();
        assertThat(reference).matches("FM-\\d{4}-\\d{6}");
        assertThat(jdbc.queryForObject("select idempotency_key from submission where reference = ?", String.class, reference)).isEqualTo(key);
        assertThat(_get(Span.class, spec -> spec.withId("access-code")).getText()).hasSize(12);
        // the outbox may already have produced the receipt: then the download is offered, otherwise a retry
        String receiptArea = confirmation.receiptArea.getElement().getTextRecursively();
        if (receiptArea.contains("wird gerade erstellt")) {
            _click(_get(Button.class, spec -> spec.withId("receipt-retry")));
        } else {
            assertThat(receiptArea).contains("Empfangsbestätigung " + reference + " herunterladen (PDF)");
        }
    }

    @Test
    void save_for_later_gives_a_resume_link_that_restores_the_answers_in_a_new_session() {
        FormView view = open("buecherwunsch");
        answer(view, sample("buecherwunsch"));
        _click(view.next);

        _click(view.saveForLater);

        TextField link = _get(TextField.class, spec -> spec.withId("resume-link"));
        assertThat(link.isReadOnly()).isTrue();
        assertThat(link.getValue()).contains("/f/buecherwunsch/fortsetzen/");
        String token = link.getValue().substring(link.getValue().lastIndexOf('/') + 1);
        assertThat(token).hasSize(43);
        assertThat(jdbc.queryForObject("select count(*) from draft where token_hash = encode(sha256(?::bytea), 'hex')",
                Integer.class, token)).isEqualTo(1);

        FillingState.clear(VaadinSession.getCurrent(), "buecherwunsch");
        UI.getCurrent().navigate("f/buecherwunsch/fortsetzen/" + token);

        FormView resumed = _get(FormView.class);
        assertThat(resumed.currentStep()).isEqualTo("reader");
        assertThat(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("first_name"))).getValue()).isEqualTo("Jürgen");
    }

    @Test
    void after_the_session_expired_the_form_offers_the_draft_named_by_its_http_only_cookie() {
        FormView view = open("buecherwunsch");
        answer(view, sample("buecherwunsch"));
        _click(view.next);
        jakarta.servlet.http.Cookie cookie = ((com.github.mvysny.fakeservlet.FakeResponse)
                ((com.vaadin.flow.server.VaadinServletResponse) com.vaadin.flow.server.VaadinService.getCurrentResponse()).getResponse())
                .findCookie(DraftCookies.name("buecherwunsch"));
        assertThat(cookie).as("the draft cookie is set at the first step change").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");

        // a new session (the old one expired): only the cookie is left
        FillingState.clear(VaadinSession.getCurrent(), "buecherwunsch");
        ((com.github.mvysny.fakeservlet.FakeRequest) com.vaadin.flow.server.VaadinServletRequest.getCurrent().getRequest())
                .addCookie(new jakarta.servlet.http.Cookie(cookie.getName(), cookie.getValue()));
        UI.getCurrent().navigate("forms");
        UI.getCurrent().navigate("f/buecherwunsch");

        assertThat(_find(com.vaadin.flow.component.html.H2.class, spec -> spec.withText("Gespeicherte Angaben gefunden"))).hasSize(1);
        _click(button("Mit gespeicherten Angaben fortfahren"));

        FormView resumed = _get(FormView.class);
        assertThat(resumed.currentStep()).isEqualTo("reader");
        assertThat(resumed.data().get("media_title").asText()).startsWith("Deichgeschichten");
    }

    @Test
    void the_receipt_download_appears_once_the_pdf_exists() throws InterruptedException {
        FormView view = open("buecherwunsch");
        answer(view, sample("buecherwunsch"));
        continueToReview(view);
        _click(view.submit);
        String reference = _get(Span.class, spec -> spec.withId("reference")).getText();
        // the outbox produces the (encrypted) PDF after commit
        long until = System.currentTimeMillis() + 20_000;
        while (jdbc.queryForObject("select count(*) from submission_document d join submission s on s.id = d.submission_id"
                + " where s.reference = ? and d.kind = 'pdf'", Integer.class, reference) == 0
                && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }

        _click(_get(Button.class, spec -> spec.withId("receipt-retry")));

        Anchor download = _get(Anchor.class, spec -> spec.withId("receipt-download"));
        assertThat(download.getText()).isEqualTo("Empfangsbestätigung " + reference + " herunterladen (PDF)");
        assertThat(download.isDownload()).isTrue();
    }

    @Test
    void an_expired_or_unknown_resume_link_shows_the_same_message() {
        FormView view = open("fundsache");
        _setValue(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("item_what"))), "Schlüssel");
        _click(view.saveForLater);
        String value = _get(TextField.class, spec -> spec.withId("resume-link")).getValue();
        String token = value.substring(value.lastIndexOf('/') + 1);
        jdbc.update("update draft set expires_at = now() - interval '1 minute' where token_hash = encode(sha256(?::bytea), 'hex')", token);

        UI.getCurrent().navigate("f/fundsache/fortsetzen/" + token);
        String expired = _get(ResumeView.class).getElement().getTextRecursively();
        UI.getCurrent().navigate("f/fundsache/fortsetzen/" + "A".repeat(43));
        String unknown = _get(ResumeView.class).getElement().getTextRecursively();

        assertThat(expired).contains("Link ungültig oder abgelaufen").isEqualTo(unknown);
        assertThat(jdbc.update("delete from draft where expires_at < now()")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_filling_survives_a_reload_of_the_view_in_the_same_session() {
        FormView view = open("fundsache");
        _setValue(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("item_what"))), "Regenschirm");

        UI.getCurrent().navigate("forms");
        open("fundsache");

        assertThat(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("item_what"))).getValue()).isEqualTo("Regenschirm");
    }

    @Test
    void an_upload_of_the_wrong_type_is_refused_by_the_server_and_announced_in_german() {
        open("fundsache");
        Div group = _get(Div.class, spec -> spec.withId(RenderContext.fieldId("item_photo")));

        _upload(_get(group, Upload.class), "foto.png", "image/png", "not really a picture".getBytes(StandardCharsets.UTF_8));

        assertThat(_get(group, Div.class, spec -> spec.withClasses("upload-rejected")).getText())
                .contains("foto.png").contains("nicht erlaubtes Format");
    }

    @Test
    void review_errors_from_the_server_link_to_the_page_of_the_field() {
        FormView view = open("buecherwunsch");
        answer(view, sample("buecherwunsch"));
        continueToReview(view);
        view.data().remove("first_name");

        _click(view.submit);

        assertThat(view.errorSummary.isVisible()).isTrue();
        assertThat(view.submit.isEnabled()).isTrue();
        Anchor link = view.errorSummary.links().get(0);
        _fireDomEvent(link, "click", elemental.json.Json.createObject());
        assertThat(view.currentStep()).isEqualTo("reader");
    }

    @Test
    void english_page_speaks_english() {
        useLanguage(Locale.ENGLISH);
        FormView view = open("buecherwunsch");

        assertThat(view.progress.getText()).isEqualTo("Step 1 of 4");
        assertThat(view.next.getText()).isEqualTo("Continue");
        _click(view.next);
        assertThat(view.getPageTitle()).startsWith("Error: ");
        assertThat(_find(Paragraph.class)).isNotEmpty();
    }

    @Test
    void unknown_form_is_not_found() {
        UI.getCurrent().navigate("f/gibt-es-nicht");

        assertThat(_find(FormView.class)).isEmpty();
    }

    @Test
    void consent_checkbox_of_the_form_is_named_by_its_statement() {
        FormView view = open("veranstaltung");
        view.showStep("organiser", false);

        assertThat(_find(Checkbox.class)).isNotEmpty();
    }
}
