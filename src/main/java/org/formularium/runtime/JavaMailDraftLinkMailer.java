package org.formularium.runtime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Sends resume links with Spring's {@link JavaMailSender} when one is configured ({@code spring.mail.host}). */
@Component
class JavaMailDraftLinkMailer implements DraftLinkMailer {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageSource messages;
    private final String from;

    JavaMailDraftLinkMailer(ObjectProvider<JavaMailSender> mailSender, MessageSource messages,
                            @Value("${formularium.mail.from:noreply@localhost}") String from) {
        this.mailSender = mailSender;
        this.messages = messages;
        this.from = from;
    }

    @Override
    public boolean isAvailable() {
        return mailSender.getIfAvailable() != null;
    }

    @Override
    public void send(String recipient, String formTitle, String resumeLink, Locale locale) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server configured");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipient);
        message.setSubject(messages.getMessage("draft.mail.subject", new Object[]{formTitle}, locale));
        message.setText(messages.getMessage("draft.mail.text", new Object[]{formTitle, resumeLink}, locale));
        sender.send(message);
    }
}
