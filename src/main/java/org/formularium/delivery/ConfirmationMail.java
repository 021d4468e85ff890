package org.formularium.delivery;

import org.formularium.definition.model.FormDefinition;
import org.formularium.shared.i18n.Translations;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionService;
import org.formularium.shared.web.PublicUrl;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Outbox kind {@code MAIL_CONFIRMATION}: tells the citizen, in their language, that the submission arrived
 * (reference, date, where to check the status). The PDF receipt is attached only when the form allows it;
 * then the mail waits until the receipt exists. The access code is never sent by mail.
 */
@Component
class ConfirmationMail implements OutboxHandler {

    static final String KIND = "MAIL_CONFIRMATION";

    private final SubmissionService submissions;
    private final CitizenContact contacts;
    private final MailGateway mail;
    private final Translations translations;
    private final PublicUrl publicUrl;

    ConfirmationMail(SubmissionService submissions, CitizenContact contacts, MailGateway mail, Translations translations,
                     PublicUrl publicUrl) {
        this.submissions = submissions;
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
        FormDefinition definition = contact.definition();
        boolean attachPdf = Boolean.TRUE.equals(definition.confirmation().attachPdf());
        byte[] pdf = null;
        if (attachPdf) {
            Optional<byte[]> receipt = submissions.document(submission.reference(), "pdf");
            if (receipt.isEmpty()) {
                throw new RetryLater("waiting for the PDF receipt of " + submission.reference());
            }
            pdf = receipt.get();
        }
        Locale locale = contact.locale();
        String title = contact.formTitle();
        String date = submission.submittedAt()
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale));
        String confirmationText = definition.confirmation().text() == null ? ""
                : definition.confirmation().text().get(locale) + "\n\n";
        String text = translations.getTranslation("mail.confirmation.body", locale, title, submission.reference(),
                date, publicUrl.of("/status")) + "\n\n" + confirmationText
                + translations.getTranslation("mail.confirmation.footer", locale);
        mail.send(new MailGateway.Mail(to, translations.getTranslation("mail.confirmation.subject", locale, title,
                submission.reference()), text, submission.reference() + ".pdf", pdf));
    }
}
