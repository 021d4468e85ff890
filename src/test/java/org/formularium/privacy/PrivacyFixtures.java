package org.formularium.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.store.FormService;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.Channel;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.TestData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Forms, submissions and drafts for the privacy tests (each with unique keys). */
record PrivacyFixtures(FormService forms, SubmissionService submissions, AttachmentService attachments,
                       JdbcTemplate jdbc) {

    /**
     * A published contact form (name and e-mail indexed, a photo upload) whose submissions are kept for
     * {@code retentionDays} after their decision and whose drafts live 2 days.
     */
    String form(String prefix, int retentionDays) {
        String key = TestData.uniqueKey(prefix);
        ObjectNode definition = (ObjectNode) TestData.contactForm(key, false);
        ((ObjectNode) definition.at("/pages/0/elements/1")).put("indexed", true);
        definition.putObject("privacy").put("retentionDays", retentionDays).put("draftRetentionDays", 2)
                .putObject("notice").put("de", "Hinweis").put("en", "Notice");
        forms.create(definition, "test", true);
        return key;
    }

    /** Submits name + e-mail and a photo; waits until the outbox has produced PDF, JSON and XML. */
    String submitWithPhoto(String formKey, String name, String email) {
        FileElement photo = (FileElement) forms.latestPublished(formKey).orElseThrow().definition().formScopeElements()
                .stream().filter(e -> e.key().equals("photo")).findFirst().orElseThrow();
        StoredAttachment stored = attachments.upload(formKey, photo, "foto.png", new ByteArrayInputStream(TestData.pngBytes()));
        ObjectNode data = DefinitionJson.mapper().createObjectNode().put("name", name).put("email", email);
        data.putArray("photo").addObject().put("id", stored.id().toString());
        String reference = submissions.submit(new SubmitCommand(formKey, null, data, Locale.GERMAN,
                "privacy-" + UUID.randomUUID(), Channel.RUNTIME, "Hinweis zum Datenschutz", null)).reference();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                select count(*) from submission_document d join submission s on s.id = d.submission_id
                where s.reference = ?""", reference) == 3);
        return reference;
    }

    /** Sets the status and the time of the last status change (the start of the retention period). */
    void decide(String reference, String status, OffsetDateTime at) {
        jdbc.update("update submission set status = ?, status_changed_at = ? where reference = ?", status, at, reference);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    int rowsOf(String table, String reference) {
        return count("select count(*) from " + table + " t join submission s on s.id = t.submission_id where s.reference = ?",
                reference);
    }
}
