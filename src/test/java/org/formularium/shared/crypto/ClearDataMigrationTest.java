package org.formularium.shared.crypto;

import org.formularium.definition.store.FormService;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.SubmissionService;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows stored in clear before encryption at rest are encrypted at start, keep their meaning and lose their clear copy. */
class ClearDataMigrationTest extends AbstractDatabaseTest {

    @Autowired
    ClearDataMigration migration;
    @Autowired
    FormService forms;
    @Autowired
    SubmissionService submissions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void clear_rows_of_an_older_version_are_encrypted_with_their_indexed_part() {
        String formKey = TestData.uniqueKey("alt");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        String reference = "OLD-" + UUID.randomUUID().toString().substring(0, 8);
        Long id = jdbc.queryForObject("""
                insert into submission (reference, access_code_hash, form_key, form_version, language, channel,
                    idempotency_key, request_hash, data, submitted_at, status_changed_at)
                values (?, 'x', ?, 1, 'de', 'API', ?, 'x', '{"name": "Alt Weißmüller", "email": "alt@example.org"}', now(), now())
                returning id""", Long.class, reference, formKey, "old-" + reference);
        UUID file = UUID.randomUUID();
        jdbc.update("insert into attachment (id, form_key, submission_id, file_name, media_type, size_bytes, sha256, content,"
                + " created_at) values (?, ?, ?, 'alt.png', 'image/png', 3, repeat('0', 64), ?, now())",
                file, formKey, id, "abc".getBytes(StandardCharsets.US_ASCII));
        jdbc.update("insert into submission_note (submission_id, author, created_at, text) values (?, 'clerk', now(), 'alte Notiz')", id);
        jdbc.update("insert into submission_document (submission_id, kind, media_type, content, sha256, created_at)"
                + " values (?, 'json', 'application/json', ?, repeat('0', 64), now())", id, "{\"alt\":1}".getBytes(StandardCharsets.UTF_8));

        migration.encryptRemainingClearRows();

        Map<String, Object> row = jdbc.queryForMap("select data, indexed_data::text as indexed, data_encrypted is not null as sealed"
                + " from submission where id = ?", id);
        assertThat(row.get("data")).isNull();
        assertThat(row.get("sealed")).isEqualTo(true);
        assertThat(TestData.parse((String) row.get("indexed"))).isEqualTo(TestData.parse("{\"name\": \"Alt Weißmüller\"}"));
        assertThat(submissions.find(reference).orElseThrow().data().path("email").asText()).isEqualTo("alt@example.org");
        assertThat(jdbc.queryForObject("select count(*) from attachment where id = ? and content is null and file_name is null"
                + " and content_encrypted is not null", Integer.class, file)).isEqualTo(1);
        assertThat(attachments.content(file).orElseThrow()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(attachments.find(file).orElseThrow().name()).isEqualTo("alt.png");
        assertThat(jdbc.queryForObject("select count(*) from submission_note where submission_id = ? and text is null"
                + " and text_encrypted is not null", Integer.class, id)).isEqualTo(1);
        assertThat(new String(submissions.document(reference, "json").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"alt\":1}");
        assertThat(jdbc.queryForObject("select count(*) from submission_document where submission_id = ? and content is null",
                Integer.class, id)).isEqualTo(1);
    }
}
