package org.formularium.runtime;

import jakarta.mail.MessagingException;
import org.formularium.delivery.MailGateway;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Sends resume links through the delivery feature's {@link MailGateway}; offered only when a mail server is
 * configured ({@code spring.mail.host}).
 */
@Component
class MailDraftLinkMailer implements DraftLinkMailer {

    private final MailGateway mail;
    private final MessageSource messages;

    MailDraftLinkMailer(MailGateway mail, MessageSource messages) {
        this.mail = mail;
        this.messages = messages;
    }

    @Override
    public boolean isAvailable() {
        return mail.configured();
    }

    @Override
    public void send(String recipient, String formTitle, String resumeLink, Locale locale) {
        try {
            mail.send(new MailGateway.Mail(recipient,
                    messages.getMessage("draft.mail.subject", new Object[]{formTitle}, locale),
                    messages.getMessage("draft.mail.text", new Object[]{formTitle, resumeLink}, locale), null, null));
        } catch (MessagingException e) {
            throw new IllegalStateException("the resume link could not be sent", e);
        }
    }
}
