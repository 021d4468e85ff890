package org.formularium.shared.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.backoffice.BackofficeTestBase;
import org.formularium.backoffice.ReviewService;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.FileElement;
import org.formularium.runtime.DraftService;
import org.formularium.security.Role;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.Channel;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionStatus;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test for encryption at rest: a submission (with an upload, a draft, the produced
 * PDF/JSON/XML, a clerk's note and comments) carries a unique canary in fields that are not indexed and a
 * second canary in an indexed field. Then every column of every table is read with plain JDBC, as bytes
 * (UTF-8, UTF-16) and as text: the first canary appears nowhere, the indexed one only in {@code indexed_data}.
 */
class EncryptionAtRestTest extends BackofficeTestBase {

    @Autowired
    AttachmentService attachments;
    @Autowired
    DraftService drafts;
    @Autowired
    ReviewService reviews;
    @Autowired
    DataSource dataSource;

    private final String secret = "GEHEIM" + UUID.randomUUID().toString().replace("-", "");
    private final String indexed = "SUCHBAR" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void a_canary_in_a_not_indexed_field_is_stored_nowhere_in_clear() throws Exception {
        String formKey = TestData.uniqueKey("kanarie");
        forms.create(form(formKey), "test", true);
        String clerk = user("sachbearbeitung");
        responsibilities.assignUser(formKey, clerk, "test");
        FileElement photo = (FileElement) forms.latestPublished(formKey).orElseThrow().definition().pages().get(0)
                .elements().get(3);
        byte[] png = TestData.pngBytes();
        System.arraycopy(secret.getBytes(StandardCharsets.US_ASCII), 0, png, 20, 38);
        StoredAttachment upload = attachments.upload(formKey, photo, "Ausweis " + secret + ".png",
                new ByteArrayInputStream(png));

        ObjectNode data = answers();
        data.putArray("photo").addObject().put("id", upload.id().toString());
        SubmissionReceipt receipt = submissions.submit(new SubmitCommand(formKey, null, data, Locale.GERMAN,
                "kanarie-" + UUID.randomUUID(), Channel.RUNTIME, null, null));
        String draftToken = drafts.save(null, formKey, 1, answers(), "angaben", null);
        login(clerk, Role.CLERK);
        reviews.addNote(receipt.reference(), "Notiz " + secret);
        reviews.changeStatus(receipt.reference(), lockOf(receipt.reference()), SubmissionStatus.IN_REVIEW,
                "intern " + secret, "öffentlich " + secret);
        awaitDocuments(receipt.reference());

        // the application still reads everything back
        SubmissionRecord stored = submissions.find(receipt.reference()).orElseThrow();
        assertThat(stored.data().path("remark").asText()).isEqualTo("Bemerkung " + secret);
        assertThat(stored.data().path("photo").get(0).path("name").asText()).isEqualTo("Ausweis " + secret + ".png");
        assertThat(attachments.content(upload.id()).orElseThrow()).isEqualTo(png);
        assertThat(new String(submissions.document(receipt.reference(), "json").orElseThrow(), StandardCharsets.UTF_8))
                .contains(secret);
        assertThat(drafts.find(formKey, draftToken).orElseThrow().data().path("remark").asText()).contains(secret);

        // the clear part: exactly the indexed answers, in the answers' shape
        JsonNode clear = TestData.parse(jdbc.queryForObject("select indexed_data::text from submission where reference = ?",
                String.class, receipt.reference()));
        assertThat(clear).isEqualTo(TestData.parse("""
                {"name": "%1$s", "children": [{"child_name": "Kind %1$s"}]}""".formatted(indexed)));
        assertThat(jdbc.queryForObject("select count(*) from submission where reference = ? and indexed_data @> ?::jsonb",
                Integer.class, receipt.reference(), "{\"name\": \"" + indexed + "\"}")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from draft where indexed_data @> ?::jsonb", Integer.class,
                "{\"children\": [{\"child_name\": \"Kind " + indexed + "\"}]}")).isEqualTo(1);

        Set<String> secretFound = columnsContaining(secret);
        Set<String> indexedFound = columnsContaining(indexed);

        assertThat(secretFound).as("columns holding the canary of a not indexed field in clear").isEmpty();
        assertThat(indexedFound).as("the indexed canary (proves the scan finds what is there)")
                .containsExactlyInAnyOrder("submission.indexed_data", "draft.indexed_data");
    }

    /** Every table and column of the application's schema, read row by row as bytes and as text. */
    private Set<String> columnsContaining(String canary) throws Exception {
        List<byte[]> patterns = List.of(canary.getBytes(StandardCharsets.UTF_8), canary.getBytes(StandardCharsets.UTF_16LE),
                canary.getBytes(StandardCharsets.UTF_16BE));
        Set<String> found = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("submission", "draft", "attachment", "submission_document", "outbox",
                    "submission_note", "submission_event");
            for (String table : tables) {
                try (Statement statement = connection.createStatement()) {
                    statement.setFetchSize(500);
                    try (ResultSet rs = statement.executeQuery("select * from \"" + table + "\"")) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            for (int c = 1; c <= meta.getColumnCount(); c++) {
                                String column = table + "." + meta.getColumnName(c);
                                if (meta.getColumnType(c) == Types.BINARY || meta.getColumnType(c) == Types.VARBINARY
                                        || meta.getColumnType(c) == Types.LONGVARBINARY) {
                                    byte[] bytes = rs.getBytes(c);
                                    if (bytes != null && patterns.stream().anyMatch(p -> indexOf(bytes, p) >= 0)) {
                                        found.add(column);
                                    }
                                } else {
                                    String text = rs.getString(c);
                                    if (text != null && (text.contains(canary)
                                            || indexOf(text.getBytes(StandardCharsets.UTF_8), patterns.get(1)) >= 0)) {
                                        found.add(column);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            connection.rollback();
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void awaitDocuments(String reference) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.queryForObject("select count(*) from submission_document d join submission s on s.id = d.submission_id"
                + " where s.reference = ?", Integer.class, reference) < 3) {
            assertThat(Instant.now()).as("PDF, JSON and XML produced").isBefore(until);
            Thread.sleep(200);
        }
    }

    private ObjectNode answers() {
        ObjectNode data = DefinitionJson.mapper().createObjectNode()
                .put("name", indexed).put("remark", "Bemerkung " + secret).put("email", "buerger@example.org");
        data.putArray("children").addObject().put("child_name", "Kind " + indexed).put("child_note", "Kindnotiz " + secret);
        return data;
    }

    private static JsonNode form(String key) {
        return TestData.parse("""
                {"schemaVersion": 1, "key": "%s", "languages": ["de", "en"],
                 "title": {"de": "Kanarienvogel", "en": "Canary"},
                 "pages": [{"key": "angaben", "title": {"de": "Angaben", "en": "Details"}, "elements": [
                   {"type": "text", "key": "name", "label": {"de": "Name", "en": "Name"}, "required": true, "indexed": true},
                   {"type": "textarea", "key": "remark", "label": {"de": "Bemerkung", "en": "Remark"}},
                   {"type": "email", "key": "email", "label": {"de": "E-Mail", "en": "Email"}},
                   {"type": "file", "key": "photo", "label": {"de": "Foto", "en": "Photo"},
                    "accept": ["image/png"], "maxSizeKb": 1024, "maxFiles": 1},
                   {"type": "group", "key": "children", "label": {"de": "Kinder", "en": "Children"},
                    "itemLabel": {"de": "Kind", "en": "Child"}, "elements": [
                     {"type": "text", "key": "child_name", "label": {"de": "Name des Kindes", "en": "Child's name"}, "indexed": true},
                     {"type": "text", "key": "child_note", "label": {"de": "Notiz", "en": "Note"}}
                   ]}
                 ]}],
                 "confirmation": {"text": {"de": "Danke!", "en": "Thank you!"}, "emailElement": "email", "attachPdf": true}}
                """.formatted(key));
    }
}
