package org.formularium.delivery;

import org.formularium.shared.i18n.Translations;
import org.formularium.submission.SubmissionRecord;
import org.formularium.shared.web.PublicUrl;
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

    private final CitizenContact contacts;
    private final MailGateway mail;
    private final Translations translations;
    private final PublicUrl publicUrl;

    StatusChangeMail(CitizenContact contacts, MailGateway mail, Translations translations,
                     PublicUrl publicUrl) {
        this.contacts = contacts;
        this.mail = mail;
        this.translations = translations;
        this.publicUrl = publicUrl;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void handle(OutboxItem item) throws Exception {
        CitizenContact.Contact contact = contacts.of(item.submissionId());
        if (contact.email().isEmpty()) {
            return;
        }
        String to = contact.email().get();
        SubmissionRecord submission = contact.submission();
        Locale locale = contact.locale();
        String title = contact.formTitle();
        String status = translations.getTranslation(STATUS_KEY_PREFIX + item.payload().path("to").asText(), locale);
        StringBuilder text = new StringBuilder(translations.getTranslation("mail.status.body", locale, title,
                submission.reference(), status));
        if (item.payload().hasNonNull("publicComment")) {
            text.append("\n\n").append(translations.getTranslation("mail.status.comment", locale))
                    .append("\n").append(item.payload().get("publicComment").asText());
        }
        text.append("\n\n").append(translations.getTranslation("mail.status.link", locale, publicUrl.of("/status")))
                .append("\n\n").append(translations.getTranslation("mail.confirmation.footer", locale));
        mail.send(new MailGateway.Mail(to, translations.getTranslation("mail.status.subject", locale, title,
                submission.reference()), text.toString(), null, null));
    }
}
