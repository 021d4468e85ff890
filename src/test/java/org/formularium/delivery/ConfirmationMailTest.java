package org.formularium.delivery;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.formularium.definition.store.FormService;
import org.formularium.submission.Channel;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real SMTP server (GreenMail) receives the citizen's confirmation, in their language, with the PDF when allowed. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "formularium.mail.from=formulare@voerde.example"})
@ActiveProfiles({"test", "demo"})
class ConfirmationMailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @org.springframework.test.context.DynamicPropertySource
    static void mailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    @Autowired
    SubmissionService submissions;
    @Autowired
    FormService forms;

    @Test
    void the_citizen_gets_a_confirmation_with_the_pdf_receipt_attached() throws Exception {
        String formKey = TestData.uniqueKey("mail");
        forms.create(TestData.contactForm(formKey, true), "test", true);

        SubmissionReceipt receipt = submit(formKey, "anna@example.de", Locale.GERMAN);

        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(greenMail.getReceivedMessages())
                .anyMatch(m -> recipient(m).equals("anna@example.de") && text(m).contains(receipt.reference())));
        MimeMessage mail = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals("anna@example.de") && text(m).contains(receipt.reference()))
                .findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("anna@example.de");
        assertThat(mail.getSubject()).isEqualTo("Eingangsbestätigung: Kontaktformular (" + receipt.reference() + ")");
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getContent()).isInstanceOf(Multipart.class);
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(receipt.reference() + ".pdf");
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains(receipt.reference(), "/status")
                .doesNotContain(receipt.accessCode());
        assertThat(body).isNotBlank();
    }

    @Test
    void an_english_submission_gets_an_english_mail_without_attachment_when_the_form_does_not_allow_it() throws Exception {
        String formKey = TestData.uniqueKey("mailen");
        forms.create(TestData.contactForm(formKey, false), "test", true);

        SubmissionReceipt receipt = submit(formKey, "ben@example.org", Locale.ENGLISH);

        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(greenMail.getReceivedMessages())
                .anyMatch(m -> GreenMailUtil.getBody(m).contains(receipt.reference())));
        MimeMessage mail = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(receipt.reference())).findFirst().orElseThrow();
        assertThat(mail.getSubject()).startsWith("Confirmation of receipt: Contact form");
        assertThat(mail.getContent()).isInstanceOf(String.class);
    }

    @Autowired
    org.formularium.backoffice.ResponsibilityService responsibilities;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void the_responsible_clerks_are_told_of_a_new_submission_without_its_answers() throws Exception {
        String formKey = TestData.uniqueKey("clerkmail");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        jdbc.update("update app_user set email = 'sachbearbeitung@voerde.example' where username = 'clerk'");
        responsibilities.assignUser(formKey, "clerk", "admin");

        SubmissionReceipt receipt = submit(formKey, "carla@example.de", Locale.GERMAN);

        await().atMost(Duration.ofSeconds(60)).until(() -> java.util.Arrays.stream(greenMail.getReceivedMessages())
                .anyMatch(m -> recipient(m).equals("sachbearbeitung@voerde.example") && text(m).contains(receipt.reference())));
        MimeMessage mail = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipient(m).equals("sachbearbeitung@voerde.example") && text(m).contains(receipt.reference())).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Neuer Antrag: Kontaktformular (" + receipt.reference() + ")");
        assertThat(text(mail)).contains("/backoffice/" + receipt.reference()).doesNotContain("Anna");
    }

    /** The decoded text of a mail (the first part of a multipart mail). */
    private static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            return "";
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            return text(multipart.getBodyPart(0).getContent());
        }
        return content.toString();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private SubmissionReceipt submit(String formKey, String email, Locale locale) {
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) TestData.parse("{}");
        data.put("name", "Anna Groß");
        data.put("email", email);
        return submissions.submit(new SubmitCommand(formKey, null, data, locale, UUID.randomUUID().toString(),
                Channel.RUNTIME, null, null));
    }
}
