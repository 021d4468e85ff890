package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.formularium.definition.evaluation.DataError;
import org.formularium.definition.evaluation.DataEvaluator;
import org.formularium.definition.evaluation.Evaluation;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.Elements;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.Privacy;
import org.formularium.definition.outline.AnswerOutline;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.runtime.AntiSpam;
import org.formularium.runtime.Draft;
import org.formularium.runtime.DraftLinkMailer;
import org.formularium.runtime.DraftService;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.Channel;
import org.formularium.submission.IdempotencyConflictException;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionRejectedException;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.shared.ratelimit.RateLimits;
import org.formularium.shared.ui.ClientAddress;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.RetryMessage;
import org.formularium.shared.ui.ViewSupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The citizen's wizard for the latest published version of a form: one step per visible page, the privacy step
 * (notice and consent) when the definition asks for it, then check your answers and submit. The data
 * evaluator decides visibility, requiredness, computed values and errors; this view only shows them. The answers
 * are saved as a draft at every step change, so a reload, a language switch or an expired session loses nothing.
 */
@Route(value = "f/:key", layout = MainLayout.class)
@AnonymousAllowed
public class FormView extends ViewSupport implements BeforeEnterObserver {

    private static final Duration AUTOSAVE_INTERVAL = Duration.ofSeconds(30);

    private final transient FormService forms;
    private final transient SubmissionService submissions;
    private final transient AttachmentService attachments;
    private final transient DraftService drafts;
    private final transient DraftLinkMailer mailer;
    private final transient Clock clock;
    private final transient RateLimits limits;
    private final transient AntiSpam antiSpam;

    private PublishedForm form;
    private FormDefinition definition;
    private FillingState state;
    private FormRenderer renderer;
    private Evaluation evaluation;
    private boolean hasErrors;
    /** The step number and count the progress line shows. */
    private int progressIndex = -1;
    private int progressCount = -1;

    final H1 title = new H1();
    final Paragraph progress = new Paragraph();
    final ErrorSummary errorSummary = new ErrorSummary(this::getTranslation);
    final H2 stepHeading = new H2();
    final Div content = new Div();
    final Div actions = new Div();
    final Button back = new Button();
    final Button next = new Button();
    final Button backToReview = new Button();
    final Button submit = new Button();
    final Button saveForLater = new Button();
    final Div savedPanel = new Div();
    Checkbox privacyConsent;
    /** Anti-spam: a field people never see or reach (hidden visually and from assistive technology). */
    final Input honeypot = new Input();
    final Div honeypotContainer = new Div();

    FormView(FormService forms, SubmissionService submissions, AttachmentService attachments, DraftService drafts,
             DraftLinkMailer mailer, Clock clock, RateLimits limits, AntiSpam antiSpam) {
        this.limits = limits;
        this.antiSpam = antiSpam;
        this.forms = forms;
        this.submissions = submissions;
        this.attachments = attachments;
        this.drafts = drafts;
        this.mailer = mailer;
        this.clock = clock;
        addClassName("form-view");
        title.getElement().setAttribute("tabindex", "-1");
        title.addClassName("view-heading");
        progress.addClassName("progress");
        progress.setId("progress");
        stepHeading.getElement().setAttribute("tabindex", "-1");
        stepHeading.addClassName("step-heading");
        stepHeading.setId("step-heading");
        content.addClassName("step-content");
        actions.addClassName("form-actions");
        back.setText(getTranslation("form.back"));
        back.addClickListener(e -> back());
        next.setText(getTranslation("form.next"));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> next());
        backToReview.setText(getTranslation("form.backToReview"));
        backToReview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backToReview.addClickListener(e -> returnToReview());
        submit.setText(getTranslation("form.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());
        saveForLater.setText(getTranslation("form.saveForLater"));
        saveForLater.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        saveForLater.addClickListener(e -> saveForLater());
        savedPanel.addClassName("saved-panel");
        savedPanel.setVisible(false);
        actions.add(next, backToReview, submit, back, saveForLater);
        buildHoneypot();
    }

    /**
     * The honeypot: off-screen, {@code aria-hidden}, its input out of the Tab order ({@code tabindex=-1}) and
     * without autofill, so neither people nor their assistive technology or password managers fill it; bots that
     * fill every input do.
     */
    private void buildHoneypot() {
        honeypot.setId("form-hp-website");
        honeypot.getElement().setAttribute("name", "website");
        honeypot.getElement().setAttribute("tabindex", "-1");
        honeypot.getElement().setAttribute("autocomplete", "off");
        NativeLabel label = new NativeLabel(getTranslation("form.honeypot.label"));
        label.setFor(honeypot);
        honeypotContainer.add(label, honeypot);
        honeypotContainer.addClassName("form-hp");
        honeypotContainer.getElement().setAttribute("aria-hidden", "true");
        honeypotContainer.getStyle().set("position", "absolute").set("left", "-10000px").set("top", "auto")
                .set("width", "1px").set("height", "1px").set("overflow", "hidden");
    }

    @Override
    protected String titleKey() {
        return "runtime.form.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        Optional<PublishedForm> latest = forms.latestPublished(key);
        if (latest.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        state = FillingState.of(session, key);
        form = latest.get();
        if (state != null && state.version != form.version()) {
            form = forms.published(key, state.version).orElse(form);
            state.version = form.version();
        }
        definition = form.definition();
        renderer = new FormRenderer(definition, getLocale(), (element, name, in) -> attachments.upload(key, element, name, in));
        renderer.addChangeListener(this::answerChanged);
        removeAll();
        title.setText(text(definition.title()));
        markLanguage(title, definition.title());
        add(title);
        if (state == null) {
            Optional<Draft> saved = DraftCookies.read(key).flatMap(token -> drafts.find(key, token)
                    .map(draft -> {
                        offerDraft(token, draft);
                        return draft;
                    }));
            if (saved.isPresent()) {
                return;
            }
            state = new FillingState(key, form.version());
            state.store(session);
        }
        startFilling(false);
    }

    private void startFilling(boolean focus) {
        removeAll();
        add(title);
        if (definition.description() != null) {
            Paragraph description = new Paragraph(text(definition.description()));
            description.addClassName("form-description");
            markLanguage(description, definition.description());
            add(description);
        }
        add(progress, errorSummary, stepHeading, content, honeypotContainer, actions, savedPanel);
        if (state.openedAt == null) {
            state.openedAt = antiSpam.now();
        }
        evaluation = evaluate();
        List<String> steps = steps();
        if (state.step == null || !steps.contains(state.step)) {
            state.step = steps.get(0);
        }
        showStep(state.step, focus);
    }

    /** The cookie named a valid draft and the session has no filling: offer to continue it. */
    private void offerDraft(String token, Draft draft) {
        Section offer = new Section();
        offer.addClassName("draft-offer");
        H2 heading = new H2(getTranslation("form.draft.found.title"));
        heading.getElement().setAttribute("tabindex", "-1");
        Button resume = new Button(getTranslation("form.draft.resume"), e -> {
            state = FillingState.fromDraft(form.key(), draft, token);
            if (state.version != form.version()) {
                form = forms.published(form.key(), state.version).orElse(form);
                definition = form.definition();
                state.version = form.version();
                renderer = new FormRenderer(definition, getLocale(), (element, name, in) -> attachments.upload(form.key(), element, name, in));
                renderer.addChangeListener(this::answerChanged);
            }
            state.store(VaadinSession.getCurrent());
            startFilling(true);
        });
        resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button(getTranslation("form.draft.startOver"), e -> {
            drafts.delete(token);
            DraftCookies.clear(form.key());
            state = new FillingState(form.key(), form.version());
            state.store(VaadinSession.getCurrent());
            startFilling(true);
        });
        Div buttons = new Div(resume, fresh);
        buttons.addClassName("form-actions");
        offer.add(heading, new Paragraph(getTranslation("form.draft.found.text",
                DateTexts.dateTime(draft.updatedAt(), getLocale()))), buttons);
        add(offer);
    }

    // ---- steps ------------------------------------------------------------------------------------

    private Evaluation evaluate() {
        return DataEvaluator.evaluate(definition, state.data, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The visible pages, the privacy step (if any) and the review, in order. */
    List<String> steps() {
        List<String> steps = new ArrayList<>();
        for (Page page : definition.pages()) {
            if (evaluation == null || evaluation.isVisible(page.key())) {
                steps.add(page.key());
            }
        }
        if (hasPrivacyStep()) {
            steps.add(FillingState.PRIVACY_STEP);
        }
        steps.add(FillingState.REVIEW_STEP);
        return steps;
    }

    private boolean hasPrivacyStep() {
        Privacy privacy = definition.privacy();
        return privacy != null && (privacy.notice() != null || privacy.consentRequiredOrFalse());
    }

    String currentStep() {
        return state == null ? null : state.step;
    }

    void showStep(String step, boolean focus) {
        state.step = step;
        hasErrors = false;
        errorSummary.hide();
        savedPanel.setVisible(false);
        content.removeAll();
        List<String> steps = steps();
        int index = steps.indexOf(step);
        showProgress();
        boolean review = FillingState.REVIEW_STEP.equals(step);
        next.setVisible(!review && !state.returnToReview);
        backToReview.setVisible(!review && state.returnToReview);
        submit.setVisible(review);
        submit.setEnabled(true);
        back.setVisible(index > 0);
        saveForLater.setVisible(true);
        if (FillingState.PRIVACY_STEP.equals(step)) {
            renderer.release();
            showPrivacy();
        } else if (review) {
            renderer.release();
            showReview();
        } else {
            Page page = definition.page(step).orElseThrow();
            stepHeading.setText(text(page.title()));
            markLanguage(stepHeading, page.title());
            if (page.description() != null) {
                Paragraph description = new Paragraph(text(page.description()));
                description.addClassName("page-description");
                content.add(description);
            }
            content.add(renderer.render(page, state.data));
            // rendering may add answers (defaults, the minimum items of a group): evaluate what is shown now
            evaluation = evaluate();
            renderer.apply(evaluation);
        }
        updateTitle();
        if (focus) {
            stepHeading.getElement().callJsFunction("focus");
        }
    }

    /** "Schritt n von m", written only when it changed. */
    private void showProgress() {
        List<String> steps = steps();
        int index = steps.indexOf(state.step);
        if (index != progressIndex || steps.size() != progressCount) {
            progressIndex = index;
            progressCount = steps.size();
            progress.setText(getTranslation("form.progress", index + 1, steps.size()));
        }
    }

    private void updateTitle() {
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    @Override
    public String getPageTitle() {
        if (definition == null) {
            return getTranslation("runtime.form.title") + " – " + getTranslation("app.name");
        }
        String formTitle = text(definition.title());
        String step = state == null || state.step == null ? null : stepHeading.getText();
        String titleText = (step == null || step.isEmpty() ? "" : step + " – ") + formTitle + " – " + getTranslation("app.name");
        return hasErrors ? getTranslation("form.errors.titlePrefix") + " " + titleText : titleText;
    }

    /**
     * After every answer: what to show now (visibility, requiredness, computed values; the answers are checked
     * at "next" and submit), the step count (pages may appear or disappear) and, every 30 s, the draft.
     */
    private void answerChanged(String path) {
        evaluation = DataEvaluator.evaluateShown(definition, state.data, today());
        renderer.apply(evaluation);
        showProgress();
        if (state.lastSaved == null || state.lastSaved.plus(AUTOSAVE_INTERVAL).isBefore(Instant.now(clock))) {
            autosave();
        }
    }

    void next() {
        if (FillingState.PRIVACY_STEP.equals(state.step)) {
            if (!privacyAccepted()) {
                return;
            }
        } else if (!validatePage()) {
            return;
        }
        List<String> steps = steps();
        int index = steps.indexOf(state.step);
        showStep(steps.get(Math.min(index + 1, steps.size() - 1)), true);
        autosave();
    }

    void back() {
        List<String> steps = steps();
        int index = steps.indexOf(state.step);
        showStep(steps.get(Math.max(index - 1, 0)), true);
        autosave();
    }

    void returnToReview() {
        if (!validatePage()) {
            return;
        }
        state.returnToReview = false;
        showStep(FillingState.REVIEW_STEP, true);
        autosave();
    }

    /** Checks the current page with the evaluator; shows the error summary and inline errors when it fails. */
    private boolean validatePage() {
        Evaluation result = DataEvaluator.evaluatePage(definition, state.data, state.step, today());
        evaluation = result;
        renderer.apply(result);
        if (result.isValid()) {
            renderer.clearErrors();
            return true;
        }
        Map<DataError, Optional<String>> targets = renderer.showErrors(result.errors());
        List<ErrorSummary.Entry> entries = new ArrayList<>();
        targets.forEach((error, id) -> {
            String message = error.message().get(getLocale());
            // an item of a paged group on another page: the link turns to its page and focuses the field
            entries.add(id.isEmpty() && renderer.hides(error.path())
                    ? new ErrorSummary.Entry(message, null, () -> focusField(error.path()))
                    : new ErrorSummary.Entry(message, id.orElse(null), null));
        });
        showErrors(entries);
        return false;
    }

    private void showErrors(List<ErrorSummary.Entry> entries) {
        hasErrors = true;
        errorSummary.show(entries);
        updateTitle();
    }

    // ---- privacy ----------------------------------------------------------------------------------

    private void showPrivacy() {
        Privacy privacy = definition.privacy();
        stepHeading.setText(getTranslation("form.privacy.title"));
        if (privacy.notice() != null) {
            Div notice = paragraphs(privacy.notice());
            notice.addClassName("privacy-notice");
            content.add(notice);
        }
        DescriptionList facts = new DescriptionList();
        addFact(facts, "form.privacy.controller", privacy.controller());
        addFact(facts, "form.privacy.purpose", privacy.purpose());
        addFact(facts, "form.privacy.legalBasis", privacy.legalBasis());
        if (privacy.retentionDays() != null) {
            facts.add(new DescriptionList.Term(getTranslation("form.privacy.retention")),
                    new DescriptionList.Description(getTranslation("form.privacy.retention.days", privacy.retentionDays())));
        }
        if (facts.getChildren().findAny().isPresent()) {
            facts.addClassName("privacy-facts");
            content.add(facts);
        }
        if (privacy.consentRequiredOrFalse()) {
            privacyConsent = new Checkbox(getTranslation("form.privacy.consent") + " " + getTranslation("form.required.marker"));
            privacyConsent.setId("privacy-consent");
            privacyConsent.setManualValidation(true);
            privacyConsent.setValue(state.consent);
            privacyConsent.addValueChangeListener(e -> {
                state.consent = Boolean.TRUE.equals(e.getValue());
                state.consentAt = state.consent ? Instant.now(clock) : null;
            });
            content.add(privacyConsent);
        } else {
            privacyConsent = null;
        }
    }

    private boolean privacyAccepted() {
        if (privacyConsent == null || state.consent) {
            if (privacyConsent != null) {
                privacyConsent.setInvalid(false);
            }
            return true;
        }
        String message = getTranslation("form.privacy.consent.required");
        privacyConsent.setErrorMessage(message);
        privacyConsent.setInvalid(true);
        showErrors(List.of(new ErrorSummary.Entry(message, "privacy-consent", null)));
        return false;
    }

    private void addFact(DescriptionList list, String key, LocalizedText value) {
        if (value != null) {
            DescriptionList.Description description = new DescriptionList.Description(text(value));
            markLanguage(description, value);
            list.add(new DescriptionList.Term(getTranslation(key)), description);
        }
    }

    private Div paragraphs(LocalizedText text) {
        Div div = new Div();
        for (String paragraph : text(text).split("\\n\\s*\\n")) {
            div.add(new Paragraph(paragraph.strip()));
        }
        markLanguage(div, text);
        return div;
    }

    // ---- check your answers ---------------------------------------------------------------------

    private void showReview() {
        stepHeading.setText(getTranslation("form.review.title"));
        evaluation = evaluate();
        AnswerOutline outline = AnswerOutline.build(definition, evaluation, getLocale());
        content.add(new Paragraph(getTranslation("form.review.intro")));
        ReviewHtml review = new ReviewHtml(this::getTranslation);
        outline.pages().forEach(review::page);
        if (hasPrivacyStep() && definition.privacy().consentRequiredOrFalse()) {
            review.row(getTranslation("form.privacy.title"),
                    getTranslation(state.consent ? "form.privacy.consent.given" : "form.privacy.consent.missing"),
                    FillingState.PRIVACY_STEP);
        }
        content.add(new ReviewAnswers(review, this::change));
    }

    /** A "change" button of the review: opens the privacy step or the field of a data path. */
    private void change(String target) {
        if (FillingState.PRIVACY_STEP.equals(target)) {
            state.returnToReview = true;
            showStep(FillingState.PRIVACY_STEP, true);
        } else {
            goToField(target);
        }
    }

    /** Opens the page of an answer, focuses its field and offers "back to the overview". */
    void goToField(String path) {
        String key = path.split("[.\\[]", 2)[0];
        Optional<Page> page = definition.pages().stream()
                .filter(p -> p.key().equals(key) || Elements.scope(p.elements()).stream().map(Element::key).anyMatch(key::equals))
                .findFirst();
        if (page.isEmpty()) {
            return;
        }
        state.returnToReview = true;
        showStep(page.get().key(), false);
        autosave();
        focusField(path);
    }

    /** Moves the focus to the field of a data path on this step (turning a paged group to it), else to the heading. */
    private void focusField(String path) {
        renderer.reveal(path).ifPresentOrElse(
                id -> getElement().executeJs("(" + FormRenderer.FOCUS_SCRIPT + ")($0)", id),
                () -> stepHeading.getElement().callJsFunction("focus"));
    }

    // ---- submit -----------------------------------------------------------------------------------

    void submit() {
        if (state.receipt != null) {
            // already submitted in this filling (double click, resend): show the first result again
            UI.getCurrent().navigate(ConfirmationView.class, ConfirmationView.parameters(form.key()));
            return;
        }
        if (antiSpam.check(honeypot.getValue(), state.openedAt).isPresent()) {
            submit.setEnabled(true);
            showErrors(List.of(new ErrorSummary.Entry(getTranslation("form.submit.refused"), null, null)));
            return;
        }
        Optional<Instant> retryAt = limits.tryAcquireForClient(RateLimits.Limit.SUBMIT, ClientAddress.current());
        if (retryAt.isPresent()) {
            submit.setEnabled(true);
            showErrors(List.of(new ErrorSummary.Entry(RetryMessage.of(this, "form.submit.tooMany", retryAt.get()),
                    null, null)));
            return;
        }
        // the privacy notice stored is the privacy step of this version in this language (PrivacyNoticeText)
        SubmitCommand command = new SubmitCommand(form.key(), form.version(), state.data.deepCopy(), getLocale(),
                state.idempotencyKey, Channel.RUNTIME, null, state.consent ? state.consentAt : null);
        try {
            SubmissionReceipt receipt = submissions.submit(command);
            state.receipt = receipt;
            drafts.delete(state.draftToken);
            DraftCookies.clear(form.key());
            ConfirmationView.store(VaadinSession.getCurrent(), receipt);
            FillingState.clear(VaadinSession.getCurrent(), form.key());
            UI.getCurrent().navigate(ConfirmationView.class, ConfirmationView.parameters(form.key()));
        } catch (SubmissionRejectedException e) {
            submit.setEnabled(true);
            List<ErrorSummary.Entry> entries = new ArrayList<>();
            for (DataError error : e.errors()) {
                String path = error.path();
                entries.add(new ErrorSummary.Entry(error.message().get(getLocale()), null,
                        path.isEmpty() ? null : () -> goToField(path)));
            }
            showErrors(entries);
        } catch (IdempotencyConflictException e) {
            submit.setEnabled(true);
            showErrors(List.of(new ErrorSummary.Entry(getTranslation("form.submit.conflict"), null, null)));
        }
    }

    // ---- drafts -----------------------------------------------------------------------------------

    /** Saves the answers as a draft (created on the first save) and keeps its token in a cookie. */
    void autosave() {
        if (state == null || state.data.isEmpty()) {
            return;
        }
        Integer retention = definition.privacy() == null ? null : definition.privacy().draftRetentionDays();
        String token = drafts.save(state.draftToken, form.key(), form.version(), state.data, state.step, retention);
        state.lastSaved = Instant.now(clock);
        if (!token.equals(state.draftToken)) {
            state.draftToken = token;
            DraftCookies.write(form.key(), token, Duration.ofDays(retention == null ? 30 : retention));
        }
    }

    /** "Save and continue later": saves, renews the token (shown once) and shows the resume link. */
    void saveForLater() {
        Integer retention = definition.privacy() == null ? null : definition.privacy().draftRetentionDays();
        String token = drafts.save(state.draftToken, form.key(), form.version(), state.data, state.step, retention);
        token = drafts.renewToken(token).orElse(token);
        state.draftToken = token;
        state.lastSaved = Instant.now(clock);
        DraftCookies.write(form.key(), token, Duration.ofDays(retention == null ? 30 : retention));
        String link = baseUrl() + "f/" + form.key() + "/fortsetzen/" + token;
        showSaved(link);
    }

    private void showSaved(String link) {
        savedPanel.removeAll();
        savedPanel.getElement().setAttribute("role", "region");
        savedPanel.getElement().setAttribute("aria-labelledby", "saved-title");
        H2 heading = new H2(getTranslation("form.saved.title"));
        heading.setId("saved-title");
        heading.getElement().setAttribute("tabindex", "-1");
        TextField linkField = new TextField(getTranslation("form.saved.link"));
        linkField.setId("resume-link");
        linkField.setValue(link);
        linkField.setReadOnly(true);
        linkField.setWidthFull();
        linkField.setHelperText(getTranslation("form.saved.copyHint"));
        savedPanel.add(heading, new Paragraph(getTranslation("form.saved.text")), linkField);
        if (mailer.isAvailable()) {
            EmailField email = new EmailField(getTranslation("form.saved.email"));
            email.setManualValidation(true);
            email.getElement().setAttribute("autocomplete", "email");
            Paragraph sent = new Paragraph();
            sent.getElement().setAttribute("role", "status");
            Button send = new Button(getTranslation("form.saved.send"), e -> {
                try {
                    mailer.send(email.getValue(), text(definition.title()), link, getLocale());
                    email.setInvalid(false);
                    sent.setText(getTranslation("form.saved.sent", email.getValue()));
                } catch (RuntimeException ex) {
                    email.setErrorMessage(getTranslation("form.saved.sendFailed"));
                    email.setInvalid(true);
                }
            });
            savedPanel.add(email, send, sent);
        }
        savedPanel.setVisible(true);
        heading.getElement().callJsFunction("focus");
    }

    private static String baseUrl() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (request instanceof VaadinServletRequest servletRequest) {
            HttpServletRequest http = servletRequest.getHttpServletRequest();
            boolean defaultPort = ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                    || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
            return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                    + http.getContextPath() + "/";
        }
        return "/";
    }

    // ---- texts ------------------------------------------------------------------------------------

    private String text(LocalizedText text) {
        return text == null ? "" : text.get(getLocale());
    }

    private void markLanguage(Component component, LocalizedText text) {
        component.getElement().removeAttribute("lang");
        if (text != null && !LocalizedText.GERMAN.equals(getLocale().getLanguage())) {
            String own = text.values().get(getLocale().getLanguage());
            if (own == null || own.isEmpty()) {
                component.getElement().setAttribute("lang", LocalizedText.GERMAN);
            }
        }
    }

    /** For tests: the answers as entered. */
    ObjectNode data() {
        return state.data;
    }

    FillingState state() {
        return state;
    }
}
