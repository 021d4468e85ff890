package org.formularium.submission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.evaluation.DataErrorCode;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.store.FormService;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionIngestTest extends AbstractDatabaseTest {

    @Autowired
    SubmissionService submissions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    FormService forms;
    @Autowired
    JdbcTemplate jdbc;

    String formKey;

    @BeforeEach
    void createForm() {
        formKey = TestData.uniqueKey("kontakt");
        forms.create(TestData.contactForm(formKey, false), "test", true);
    }

    @Test
    void a_valid_submission_is_stored_with_reference_access_code_and_outbox_work() {
        SubmissionReceipt receipt = submissions.submit(command("key-" + UUID.randomUUID(), data("Jürgen Weißmüller")));

        assertThat(receipt.reference()).matches("FM-\\d{4}-\\d{6}");
        assertThat(receipt.accessCode()).matches("[A-Z2-9]{12}");
        assertThat(receipt.replay()).isFalse();
        SubmissionRecord stored = submissions.find(receipt.reference()).orElseThrow();
        assertThat(stored.formVersion()).isEqualTo(1);
        assertThat(stored.data().path("name").asText()).isEqualTo("Jürgen Weißmüller");
        assertThat(stored.status()).isEqualTo(SubmissionStatus.RECEIVED);
        assertThat(jdbc.queryForObject("select count(*) from outbox where submission_id = ?", Integer.class, stored.id()))
                .isGreaterThanOrEqualTo(2);
        assertThat(submissions.accessCodeMatches(receipt.reference(), receipt.accessCode())).isTrue();
        assertThat(submissions.accessCodeMatches(receipt.reference(), "WRONGCODE234")).isFalse();
    }

    @Test
    void the_demo_sample_of_the_library_form_is_accepted() {
        SubmissionReceipt receipt = submissions.submit(new SubmitCommand("buecherwunsch", null,
                TestData.demoSubmission("buecherwunsch"), Locale.GERMAN, "demo-" + UUID.randomUUID(), Channel.API,
                null, null));

        assertThat(submissions.find(receipt.reference())).isPresent();
    }

    @Test
    void invalid_data_is_refused_with_every_error_and_nothing_is_stored() {
        ObjectNode data = data("");
        data.put("email", "keine-adresse");
        String key = "key-" + UUID.randomUUID();

        assertThatThrownBy(() -> submissions.submit(command(key, data)))
                .isInstanceOfSatisfying(SubmissionRejectedException.class, e -> {
                    assertThat(e.errors()).extracting(err -> err.path() + ":" + err.code())
                            .contains("name:REQUIRED", "email:INVALID_EMAIL");
                    assertThat(e.errors().get(0).message().get("de")).isNotBlank();
                });
        assertThat(jdbc.queryForObject("select count(*) from submission where idempotency_key = ?", Integer.class, key))
                .isZero();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void the_same_idempotency_key_returns_the_first_result() {
        String key = "key-" + UUID.randomUUID();
        double counted = received();

        SubmissionReceipt first = submissions.submit(command(key, data("Anna")));
        SubmissionReceipt second = submissions.submit(command(key, data("Anna")));

        assertThat(received()).as("metric counts the submission once").isEqualTo(counted + 1);
        assertThat(meters.get("formularium.outbox.lag").gauge().value()).isGreaterThanOrEqualTo(0);

        assertThat(second.reference()).isEqualTo(first.reference());
        assertThat(second.replay()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from submission where idempotency_key = ?", Integer.class, key))
                .isEqualTo(1);
    }

    @Test
    void reusing_an_idempotency_key_for_other_data_is_refused() {
        String key = "key-" + UUID.randomUUID();
        submissions.submit(command(key, data("Anna")));

        assertThatThrownBy(() -> submissions.submit(command(key, data("Ben"))))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void fifty_concurrent_submissions_with_repeated_keys_give_exactly_one_row_per_key() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add("conc-" + UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> references = ConcurrentHashMap.newKeySet();
        try {
            List<Future<SubmissionReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String key = keys.get(i % keys.size());
                futures.add(pool.submit(() -> submissions.submit(command(key, data("Gleich")))));
            }
            for (Future<SubmissionReceipt> future : futures) {
                references.add(future.get().reference());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(references).hasSize(10);
        assertThat(jdbc.queryForObject("select count(*) from submission where idempotency_key = any(?)", Integer.class,
                (Object) keys.toArray(String[]::new))).isEqualTo(10);
    }

    @Test
    void uploaded_files_are_bound_and_the_servers_facts_replace_the_clients() {
        StoredAttachment photo = attachments.upload(formKey, photoElement(), "../../etc/passwd.png",
                new ByteArrayInputStream(TestData.pngBytes()));
        ObjectNode data = data("Mit Foto");
        data.putArray("photo").addObject().put("id", photo.id().toString()).put("name", "lüge.exe")
                .put("size", 1).put("mediaType", "image/png").put("sha256", "0".repeat(64));

        SubmissionReceipt receipt = submissions.submit(command("key-" + UUID.randomUUID(), data));

        assertThat(photo.name()).isEqualTo("passwd.png");
        SubmissionRecord stored = submissions.find(receipt.reference()).orElseThrow();
        assertThat(stored.data().path("photo").path(0).path("name").asText()).isEqualTo("passwd.png");
        assertThat(stored.data().path("photo").path(0).path("sha256").asText()).isEqualTo(photo.sha256());
        assertThat(submissions.attachmentsOf(receipt.reference())).extracting(StoredAttachment::id).containsExactly(photo.id());
    }

    @Test
    void an_unknown_file_id_is_reported_on_its_path() {
        ObjectNode data = data("Ohne Datei");
        data.putArray("photo").addObject().put("id", UUID.randomUUID().toString()).put("name", "x.png");

        assertThatThrownBy(() -> submissions.submit(command("key-" + UUID.randomUUID(), data)))
                .isInstanceOfSatisfying(SubmissionRejectedException.class, e ->
                        assertThat(e.errors()).extracting(err -> err.path() + ":" + err.code())
                                .containsExactly("photo[0]:" + DataErrorCode.UNKNOWN_FILE));
    }

    @Test
    void uploads_are_judged_by_their_content_not_their_name() {
        assertThatThrownBy(() -> attachments.upload(formKey, photoElement(), "foto.png",
                new ByteArrayInputStream("<html>not an image</html>".getBytes())))
                .isInstanceOfSatisfying(AttachmentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED);
                    assertThat(e.userMessage().get("de")).contains("foto.png", "PNG", "JPEG");
                });
    }

    @Test
    void uploads_over_the_size_limit_are_refused_without_storing_them() {
        byte[] big = new byte[1024 * 1024 + 10];
        System.arraycopy(TestData.pngBytes(), 0, big, 0, 16);
        Integer before = jdbc.queryForObject("select count(*) from attachment", Integer.class);

        assertThatThrownBy(() -> attachments.upload(formKey, photoElement(), "gross.png", new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(AttachmentRejectedException.class, e ->
                        assertThat(e.reason()).isEqualTo(AttachmentRejectedException.Reason.TOO_LARGE));
        assertThat(jdbc.queryForObject("select count(*) from attachment", Integer.class)).isEqualTo(before);
    }

    @Test
    void the_answers_of_a_stored_submission_cannot_be_changed_in_the_database() {
        SubmissionReceipt receipt = submissions.submit(command("key-" + UUID.randomUUID(), data("Fest")));

        assertThatThrownBy(() -> jdbc.update("update submission set data = '{}'::jsonb where reference = ?",
                receipt.reference())).hasMessageContaining("immutable");
        // the encrypted answers: swapping in another submission's blob, or changing a byte, is refused
        SubmissionReceipt other = submissions.submit(command("key-" + UUID.randomUUID(), data("Anders")));
        assertThatThrownBy(() -> jdbc.update("update submission set data_encrypted = (select data_encrypted from submission"
                + " where reference = ?) where reference = ?", other.reference(), receipt.reference()))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("update submission set data_encrypted = set_byte(data_encrypted,"
                + " length(data_encrypted) - 1, (get_byte(data_encrypted, length(data_encrypted) - 1) + 1) % 256)"
                + " where reference = ?", receipt.reference())).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("update submission set indexed_data = '{\"x\": 1}'::jsonb where reference = ?",
                receipt.reference())).hasMessageContaining("immutable");
    }

    private double received() {
        var counter = meters.find(SubmissionService.METRIC_RECEIVED).tag("channel", "runtime").counter();
        return counter == null ? 0 : counter.count();
    }

    private FileElement photoElement() {
        return (FileElement) forms.latestPublished(formKey).orElseThrow().definition().pages().get(0).elements().get(2);
    }

    private SubmitCommand command(String idempotencyKey, ObjectNode data) {
        return new SubmitCommand(formKey, null, data, Locale.GERMAN, idempotencyKey, Channel.RUNTIME, null, null);
    }

    private static ObjectNode data(String name) {
        ObjectNode data = (ObjectNode) TestData.parse("{}");
        data.put("name", name);
        data.put("email", "buerger@example.de");
        return data;
    }
}
