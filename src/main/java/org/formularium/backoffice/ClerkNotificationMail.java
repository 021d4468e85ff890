package org.formularium.backoffice;

import org.formularium.definition.store.FormService;
import org.formularium.delivery.MailGateway;
import org.formularium.delivery.OutboxHandler;
import org.formularium.delivery.OutboxItem;
import org.formularium.delivery.SubmissionEvents;
import org.formularium.security.UserAccount;
import org.formularium.security.UserService;
import org.formularium.shared.i18n.Languages;
import org.formularium.shared.i18n.Translations;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionService;
import org.formularium.shared.web.PublicUrl;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Outbox kind {@code MAIL_CLERKS}: tells the clerks responsible for the form (directly or through a group)
 * that a submission arrived, with the reference and a link into the back office — never the answers.
 */
@Component
class ClerkNotificationMail implements OutboxHandler {

    private final SubmissionService submissions;
    private final ResponsibilityService responsibilities;
    private final UserService users;
    private final FormService forms;
    private final MailGateway mail;
    private final Translations translations;
    private final PublicUrl publicUrl;

    ClerkNotificationMail(SubmissionService submissions, ResponsibilityService responsibilities, UserService users,
                          FormService forms, MailGateway mail, Translations translations,
                          PublicUrl publicUrl) {
        this.submissions = submissions;
        this.responsibilities = responsibilities;
        this.users = users;
        this.forms = forms;
        this.mail = mail;
        this.translations = translations;
        this.publicUrl = publicUrl;
    }

    @Override
    public String kind() {
        return SubmissionEvents.CLERK_NOTIFICATION_KIND;
    }

    @Override
    public void handle(OutboxItem item) throws Exception {
        SubmissionRecord submission = submissions.find(item.submissionId()).orElseThrow();
        Locale locale = Languages.GERMAN;
        String title = forms.published(submission.formKey(), submission.formVersion())
                .map(f -> f.definition().title().get(locale)).orElse(submission.formKey());
        for (String username : responsibilities.usersOf(submission.formKey())) {
            UserAccount clerk = users.findByUsername(username).orElse(null);
            if (clerk == null || !clerk.enabled() || clerk.email() == null || clerk.email().isBlank()) {
                continue;
            }
            mail.send(new MailGateway.Mail(clerk.email(),
                    translations.getTranslation("mail.clerk.subject", locale, title, submission.reference()),
                    translations.getTranslation("mail.clerk.body", locale, title, submission.reference(),
                            publicUrl.of("/backoffice/" + submission.reference())), null, null));
        }
    }
}
