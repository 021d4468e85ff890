package org.formularium.shared.crypto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.store.FormService;
import org.formularium.runtime.DraftService;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.Channel;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Master key rotation: with a new current key configured, the rewrap job moves every data key from the old
 * key to the new one (ciphertext unchanged, two workers at once without double work); afterwards the old
 * key can be removed and everything is still readable with the new key alone.
 */
class MasterKeyRotationTest extends AbstractDatabaseTest {

    @Autowired
    SubmissionService submissions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    DraftService drafts;
    @Autowired
    FormService forms;
    @Autowired
    EncryptedColumnsRepository columns;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Envelope appEnvelope;
    @Value("${formularium.test.master-key}")
    String oldKey;
    @Value("${formularium.test.rotated-master-key}")
    String newKey;

    @Test
    void rotate_rewrap_remove_the_old_key_and_still_read_everything() throws Exception {
        assertThat(appEnvelope.keys().currentId()).isEqualTo("test");
        String formKey = TestData.uniqueKey("rotation");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        FileElement photo = (FileElement) forms.latestPublished(formKey).orElseThrow().definition().pages().get(0)
                .elements().get(2);
        StoredAttachment upload = attachments.upload(formKey, photo, "foto.png", new ByteArrayInputStream(TestData.pngBytes()));
        ObjectNode data = DefinitionJson.mapper().createObjectNode().put("name", "Rotation Weißmüller")
                .put("email", "rotation@example.org");
        data.putArray("photo").addObject().put("id", upload.id().toString());
        SubmissionReceipt receipt = submissions.submit(new SubmitCommand(formKey, null, data, Locale.GERMAN,
                "rotation-" + UUID.randomUUID(), Channel.API, null, null));
        for (int i = 0; i < 150; i++) {
            drafts.save(null, formKey, 1, DefinitionJson.mapper().createObjectNode().put("name", "Entwurf " + i), null, null);
        }
        awaitDocuments(receipt.reference());
        byte[] payloadBefore = payload(receipt.reference());

        // configuration step 1 of the rotation: the new key first, the old one still there
        Envelope rotated = new Envelope(MasterKeys.parse("test-rotated:" + newKey + ",test:" + oldKey));
        KeyRotationService job = new KeyRotationService(columns, rotated, transactions, 40);
        Envelope newOnly = new Envelope(MasterKeys.parse("test-rotated:" + newKey));
        long underOld = valuesUnder(job, "test");
        assertThat(underOld).isGreaterThanOrEqualTo(150 + 1 + 2 + 3);
        // removing the old key now would be refused at start: data still needs it
        assertThatThrownBy(() -> new MasterKeyCheck(columns, newOnly, Clock.systemUTC()).afterPropertiesSet())
                .isInstanceOf(MasterKeyException.class).hasMessageContaining("[test]");

        // two instances rewrap at once (FOR UPDATE SKIP LOCKED): together they do each value once
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> workers = pool.invokeAll(List.of(job::rewrapAll, job::rewrapAll));
        pool.shutdown();
        int rewrapped = workers.get(0).get() + workers.get(1).get();
        Instant until = Instant.now().plusSeconds(30);
        while (valuesUnder(job, "test") > 0 && Instant.now().isBefore(until)) {
            rewrapped += job.rewrapAll(); // values other tests' background work wrote meanwhile
        }

        assertThat(rewrapped).isGreaterThanOrEqualTo((int) underOld);
        assertThat(valuesUnder(job, "test")).isZero();
        assertThat(job.usage().get(0).keyId()).isEqualTo("test-rotated");
        assertThat(job.usage().get(0).current()).isTrue();
        assertThat(jdbc.queryForObject("select envelope_key_id(data_encrypted) from submission where reference = ?",
                String.class, receipt.reference())).isEqualTo("test-rotated");
        assertThat(payload(receipt.reference())).as("only the data key's wrapping changed").isEqualTo(payloadBefore);

        // configuration step 2: the old key removed; the start-up check passes and everything is readable
        new MasterKeyCheck(columns, newOnly, Clock.systemUTC()).afterPropertiesSet();
        byte[] answers = jdbc.queryForObject("select data_encrypted from submission where reference = ?", byte[].class,
                receipt.reference());
        assertThat(newOnly.openText(answers, "submission.data:" + receipt.reference())).contains("Rotation Weißmüller");
        byte[] file = jdbc.queryForObject("select content_encrypted from attachment where id = ?", byte[].class, upload.id());
        assertThat(newOnly.open(file, "attachment.content:" + upload.id())).isEqualTo(TestData.pngBytes());
        byte[] json = jdbc.queryForObject("select d.content_encrypted from submission_document d join submission s"
                + " on s.id = d.submission_id where s.reference = ? and d.kind = 'json'", byte[].class, receipt.reference());
        long id = submissions.find(receipt.reference()).orElseThrow().id();
        assertThat(new String(newOnly.open(json, "submission_document.content:" + id + ":json"), StandardCharsets.UTF_8))
                .contains("Rotation Weißmüller");
        // and through the application, which knows both keys
        assertThat(submissions.find(receipt.reference()).orElseThrow().data().path("name").asText())
                .isEqualTo("Rotation Weißmüller");
        assertThat(attachments.content(upload.id()).orElseThrow()).isEqualTo(TestData.pngBytes());
    }

    @Test
    void a_key_with_the_right_id_but_the_wrong_value_is_refused_at_start() {
        Envelope wrong = new Envelope(MasterKeys.parse("test:" + EnvelopeTest.key()));

        assertThatThrownBy(() -> new MasterKeyCheck(columns, wrong, Clock.systemUTC()).afterPropertiesSet())
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("'test'").hasMessageContaining("is not the key this database was encrypted with");
    }

    private static long valuesUnder(KeyRotationService job, String keyId) {
        return job.usage().stream().filter(u -> u.keyId().equals(keyId)).mapToLong(KeyRotationService.KeyUsage::values)
                .sum();
    }

    private byte[] payload(String reference) {
        return jdbc.queryForObject("select envelope_payload(data_encrypted) from submission where reference = ?",
                byte[].class, reference);
    }

    private void awaitDocuments(String reference) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.queryForObject("select count(*) from submission_document d join submission s on s.id = d.submission_id"
                + " where s.reference = ?", Integer.class, reference) < 3) {
            assertThat(Instant.now()).as("PDF, JSON and XML produced").isBefore(until);
            Thread.sleep(200);
        }
    }
}
