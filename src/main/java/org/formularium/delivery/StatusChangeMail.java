package org.formularium.delivery;

import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.store.FormService;
import org.formularium.shared.i18n.Translations;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Outbox kind {@code MAIL_STATUS_CHANGED}: tells the citizen, in their language, the new status of their
 * submission with the public comment, if any, and where to see the details. Never answers, never the
 * internal comment, never the access code.
 */
@Component
class StatusChangeMail implements OutboxHandler {

    static final String KIND = "MAIL_STATUS_CHANGED";
    /** Status labels are {@code submission.status.<STATUS>} in the message bundles. */
    private static final String STATUS_KEY_PREFIX = "submission.status.";

    private final SubmissionService submissions;
    private final FormService forms;
    private final MailGateway mail;
    private final Translations translations;
    private final String publicUrl;

    StatusChangeMail(SubmissionService submissions, FormService forms, MailGateway mail, Translations translations,
                     @Value("${formularium.public-url:http://localhost:8080}") String publicUrl) {
        this.submissions = submissions;
        this.forms = forms;
        this.mail = mail;
        this.translations = translations;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(OutboxItem item) throws Exception {
        SubmissionRecord submission = submissions.find(item.submissionId()).orElseThrow();
        FormDefinition definition = forms.published(submission.formKey(), submission.formVersion()).orElseThrow()
                .definition();
        if (definition.confirmation() == null || definition.confirmation().emailElement() == null) {
            return;
        }
        String to = submission.data().path(definition.confirmation().emailElement()).asText("");
        if (to.isBlank()) {
            return;
        }
        Locale locale = Locale.forLanguageTag(submission.language());
        String title = definition.title().get(locale);
        String status = translations.getTranslation(STATUS_KEY_PREFIX + item.payload().path("to").asText(), locale);
        StringBuilder text = new StringBuilder(translations.getTranslation("mail.status.body", locale, title,
                submission.reference(), status));
        if (item.payload().hasNonNull("publicComment")) {
            text.append("\n\n").append(translations.getTranslation("mail.status.comment", locale))
                    .append("\n").append(item.payload().get("publicComment").asText());
        }
        text.append("\n\n").append(translations.getTranslation("mail.status.link", locale, publicUrl + "/status"))
                .append("\n\n").append(translations.getTranslation("mail.confirmation.footer", locale));
        mail.send(new MailGateway.Mail(to, translations.getTranslation("mail.status.subject", locale, title,
                submission.reference()), text.toString(), null, null));
    }
}
