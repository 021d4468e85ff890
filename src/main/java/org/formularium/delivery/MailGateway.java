package org.formularium.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail through SMTP when {@code spring.mail.host} is configured; otherwise logs that a mail would
 * have been sent (recipient domain only, never the content) so the demo works without a mail server.
 */
@Component
public class MailGateway {

    private static final Logger LOG = LoggerFactory.getLogger(MailGateway.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailGateway(ObjectProvider<JavaMailSender> sender,
                @Value("${formularium.mail.from:formulare@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public record Mail(String to, String subject, String text, String attachmentName, byte[] attachment) {
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    public void send(Mail mail) throws MessagingException {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            LOG.info("mail sink: a mail '{}' to a recipient at {} was not sent (no spring.mail.host configured)",
                    mail.subject(), mail.to().substring(mail.to().indexOf('@') + 1));
            return;
        }
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() != null, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), false);
        if (mail.attachment() != null) {
            helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()), "application/pdf");
        }
        mailSender.send(message);
    }
}
