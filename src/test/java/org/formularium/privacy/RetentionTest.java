package org.formularium.privacy;

import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.runtime.DraftService;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.DeletionReason;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionService;
import org.formularium.support.AbstractDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionTest extends AbstractDatabaseTest {

    @Autowired
    PersonalDataRepository data;
    @Autowired
    PrivacyLogRepository log;
    @Autowired
    FormService forms;
    @Autowired
    SubmissionService submissions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    DraftService drafts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    PrivacyFixtures fixtures;
    /** The retention job's "now": shortly after the real time, so other tests' data is never due. */
    final OffsetDateTime now = OffsetDateTime.now().plusMinutes(5).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void fixtures() {
        fixtures = new PrivacyFixtures(forms, submissions, attachments, jdbc);
    }

    /** The service as it runs at {@code at} (a fixed clock). */
    RetentionService at(OffsetDateTime at) {
        return new RetentionService(data, log, forms, transactions, Clock.fixed(at.toInstant(), ZoneId.systemDefault()),
                Duration.ofDays(365), Duration.ofHours(12));
    }

    @Test
    void a_decided_submission_older_than_its_retention_becomes_a_tombstone_and_expired_drafts_go() {
        String form = fixtures.form("retention", 30);
        String old = fixtures.submitWithPhoto(form, "Alt Person", "alt@example.org");
        String young = fixtures.submitWithPhoto(form, "Jung Person", "jung@example.org");
        String open = fixtures.submitWithPhoto(form, "Offen Person", "offen@example.org");
        fixtures.decide(old, "CLOSED", now.minusDays(40));
        fixtures.decide(young, "APPROVED", now.minusDays(10));
        fixtures.decide(open, "IN_REVIEW", now.minusDays(100));
        jdbc.update("insert into submission_note (submission_id, author, created_at, text) "
                + "select id, 'clerk', now(), 'Telefonat mit Alt Person' from submission where reference = ?", old);
        jdbc.update("insert into submission_event (submission_id, kind, actor, at, from_status, to_status, comment, public_comment) "
                + "select id, 'STATUS', 'clerk', now(), 'APPROVED', 'CLOSED', 'intern', 'öffentlich' from submission where reference = ?", old);
        jdbc.update("insert into outbox (kind, submission_id, next_attempt_at, created_at) "
                + "select 'RETENTION_TEST', id, now() + interval '1 day', now() from submission where reference = ?", old);
        String expired = drafts.save(null, form, 1, DefinitionJson.mapper().createObjectNode().put("name", "Entwurf alt"), null, 2);
        String fresh = drafts.save(null, form, 1, DefinitionJson.mapper().createObjectNode().put("name", "Entwurf neu"), null, 2);
        jdbc.update("update draft set expires_at = ? where token_hash = encode(sha256(?::bytea), 'hex')",
                now.minusHours(1), expired);

        RetentionService.Report dryRun = at(now).report();
        RetentionService.FormDue due = dryRun.form(form).orElseThrow();
        RetentionService.Outcome outcome = at(now).run(RetentionRun.Kind.MANUAL, "admin");

        assertThat(due.submissions()).isEqualTo(1);
        assertThat(due.drafts()).isEqualTo(1);
        assertThat(due.retentionDays()).isEqualTo(30);
        assertThat(due.oldestDecidedAt().toInstant()).isEqualTo(now.minusDays(40).toInstant());
        assertThat(due.oldestDraftExpiry().toInstant()).isEqualTo(now.minusHours(1).toInstant());
        assertThat(outcome.deletedReferences().get(form)).containsExactly(old);
        assertThat(fixtures.count("select count(*) from draft where form_key = ?", form)).isEqualTo(1);
        assertThat(drafts.find(form, fresh).orElseThrow().data().path("name").asText()).isEqualTo("Entwurf neu");
        assertThat(drafts.find(form, expired)).isEmpty();
        assertThat(outcome.run().orElseThrow().submissionsDeleted()).isGreaterThanOrEqualTo(due.submissions());

        SubmissionRecord tombstone = submissions.find(old).orElseThrow();
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.deletionReason()).isEqualTo(DeletionReason.RETENTION);
        assertThat(tombstone.data().isEmpty()).isTrue();
        assertThat(tombstone.privacyNotice()).isNull();
        assertThat(tombstone.formKey()).isEqualTo(form);
        assertThat(tombstone.formVersion()).isEqualTo(1);
        assertThat(tombstone.statusChangedAt().toInstant()).isEqualTo(now.minusDays(40).toInstant());
        assertThat(tombstone.deletedAt().toInstant()).isEqualTo(now.toInstant());
        for (String table : List.of("attachment", "submission_document", "submission_note")) {
            assertThat(fixtures.rowsOf(table, old)).as(table).isZero();
        }
        assertThat(fixtures.count("select count(*) from outbox o join submission s on s.id = o.submission_id "
                + "where s.reference = ? and o.status in ('PENDING', 'DEAD')", old)).isZero();
        assertThat(fixtures.count("select count(*) from submission_event e join submission s on s.id = e.submission_id "
                + "where s.reference = ? and (e.comment is not null or e.public_comment is not null)", old)).isZero();
        assertThat(fixtures.count("select count(*) from submission where reference = ? and (data_encrypted is not null "
                + "or indexed_data is not null or (data is not null and data <> '{}'::jsonb))", old)).isZero();

        for (String kept : List.of(young, open)) {
            assertThat(submissions.find(kept).orElseThrow().deleted()).as(kept).isFalse();
            assertThat(fixtures.rowsOf("attachment", kept)).as(kept).isEqualTo(1);
            assertThat(fixtures.rowsOf("submission_document", kept)).as(kept).isEqualTo(3);
        }
        assertThat(at(now).report().form(form)).isEmpty();
    }

    @Test
    void a_tombstone_cannot_change_and_answers_cannot_be_deleted_partly() {
        String form = fixtures.form("tombstone", 30);
        String reference = fixtures.submitWithPhoto(form, "Erika Muster", "erika@example.org");

        assertThatThrownBy(() -> jdbc.update("update submission set data = '{}'::jsonb where reference = ?", reference))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("update submission set deleted_at = now(), deletion_reason = 'x' "
                + "where reference = ?", reference)).hasMessageContaining("tombstone");

        fixtures.decide(reference, "REJECTED", now.minusDays(31));
        at(now).run(RetentionRun.Kind.MANUAL, "admin");

        assertThat(submissions.find(reference).orElseThrow().deleted()).isTrue();
        assertThatThrownBy(() -> jdbc.update("update submission set status = 'CLOSED' where reference = ?", reference))
                .hasMessageContaining("cannot change");
        // a document produced by a worker that raced with the deletion is not stored
        jdbc.update("insert into submission_document (submission_id, kind, media_type, content, sha256, created_at) "
                + "select id, 'pdf', 'application/pdf', '\\x25'::bytea, repeat('0', 64), now() from submission where reference = ?",
                reference);
        assertThat(fixtures.rowsOf("submission_document", reference)).isZero();
    }

    @Test
    void two_concurrent_runs_delete_each_submission_once() throws Exception {
        String form = fixtures.form("concurrent", 7);
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reference = fixtures.submitWithPhoto(form, "Person " + i, "p" + i + "@example.org");
            fixtures.decide(reference, "CLOSED", now.minusDays(8 + i));
            due.add(reference);
        }
        int expected = at(now).report().form(form).orElseThrow().submissions();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<RetentionService.Outcome>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return at(now).run(RetentionRun.Kind.MANUAL, "admin");
                }));
            }
            start.countDown();
            List<String> deleted = new ArrayList<>();
            for (Future<RetentionService.Outcome> run : runs) {
                deleted.addAll(run.get().deletedReferences().getOrDefault(form, List.of()));
            }

            assertThat(expected).isEqualTo(3);
            assertThat(deleted).containsExactlyInAnyOrderElementsOf(due);
            assertThat(fixtures.count("select count(*) from submission where form_key = ? and deleted_at is not null", form))
                    .isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_scheduled_run_works_once_per_period() {
        RetentionService retention = at(now);
        RetentionService.Outcome first = retention.run(RetentionRun.Kind.SCHEDULED, RetentionService.SYSTEM_ACTOR);
        RetentionService.Outcome second = retention.run(RetentionRun.Kind.SCHEDULED, RetentionService.SYSTEM_ACTOR);

        assertThat(first.ran()).isTrue();
        assertThat(second.ran()).isFalse();
        assertThat(retention.lastRun().orElseThrow().id()).isEqualTo(first.run().orElseThrow().id());
    }
}
