package org.formularium.submission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.support.AbstractDatabaseTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group commit: submissions that queue up while a batch is written are stored together in one transaction,
 * and a submission that cannot be stored fails alone.
 */
class SubmissionWriterTest extends AbstractDatabaseTest {

    @Autowired
    SubmissionWriter writer;
    @Autowired
    SubmissionRepository repository;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormService forms;

    String formKey;

    @BeforeEach
    void createForm() {
        formKey = TestData.uniqueKey("gruppe");
        forms.create(TestData.contactForm(formKey, false), "test", true);
    }

    @Test
    void submissions_waiting_behind_a_batch_are_committed_together_and_a_bad_one_fails_alone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String existingReference = "FM-1999-" + run;
        assertThat(writer.write(submission(existingReference, "first-" + run))).isPresent();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Connection blocker = dataSource.getConnection()) {
            // an open transaction holds the idempotency key "blocked": the next batch that inserts it waits
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement("""
                    insert into submission (reference, access_code_hash, form_key, form_version, language, channel,
                      idempotency_key, request_hash, submitted_at, status_changed_at)
                    values (?, 'x', ?, 1, 'de', 'API', ?, 'x', now(), now())""")) {
                insert.setString(1, "FM-1998-" + run);
                insert.setString(2, formKey);
                insert.setString(3, "blocked-" + run);
                insert.executeUpdate();
            }
            Future<Optional<Long>> waiting = pool.submit(() -> writer.write(submission("FM-1997-" + run, "blocked-" + run)));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitsForLock(run));

            // meanwhile four more arrive: three good ones and one with a reference that exists
            List<Future<Optional<Long>>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String reference = "FM-1996-" + run + "-" + i;
                queued.add(pool.submit(() -> writer.write(submission(reference, "good-" + reference))));
            }
            Future<Optional<Long>> bad = pool.submit(() -> writer.write(submission(existingReference, "bad-" + run)));
            Thread.sleep(300); // let them queue behind the waiting batch
            blocker.rollback();

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isPresent();
            List<Long> ids = new ArrayList<>();
            for (Future<Optional<Long>> future : queued) {
                ids.add(future.get(10, TimeUnit.SECONDS).orElseThrow());
            }
            assertThat(bad).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(DataIntegrityViolationException.class);
            // each good submission is stored once with its outbox work, the bad one not at all
            assertThat(jdbc.queryForObject("select count(*) from submission where idempotency_key = ?", Integer.class,
                    "bad-" + run)).isZero();
            for (Long id : ids) {
                assertThat(jdbc.queryForObject("select count(*) from outbox where submission_id = ?", Integer.class, id))
                        .isEqualTo(2);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrent_submissions_share_transactions() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Optional<Long>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 64; i++) {
                String reference = "FM-1995-" + run + "-" + i;
                futures.add(pool.submit(() -> writer.write(submission(reference, "share-" + reference))));
            }
            for (Future<Optional<Long>> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            pool.shutdown();
        }
        // rows written by one transaction share its id (xmin)
        Integer rows = jdbc.queryForObject("select count(*) from submission where reference like ?", Integer.class,
                "FM-1995-" + run + "-%");
        Integer transactions = jdbc.queryForObject(
                "select count(distinct xmin::text) from submission where reference like ?", Integer.class,
                "FM-1995-" + run + "-%");
        assertThat(rows).isEqualTo(64);
        assertThat(transactions).isLessThan(64);
    }

    private boolean waitsForLock(String run) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from pg_stat_activity where wait_event_type = 'Lock' and query like '%submission%'",
                Boolean.class));
    }

    private SubmissionWriter.NewSubmission submission(String reference, String idempotencyKey) {
        // as SubmissionService prepares one: valid answers, the outbox work of a new submission
        ObjectNode data = DefinitionJson.mapper().createObjectNode().put("name", "Erika Mustermann")
                .put("email", "erika@example.de");
        ObjectNode payload = DefinitionJson.mapper().createObjectNode().put("reference", reference);
        payload.putObject("actor").put("type", "SYSTEM").put("id", "test").put("name", "test");
        return new SubmissionWriter.NewSubmission(reference, "hash", formKey, 1, "de", Channel.API,
                idempotencyKey, "request-hash", repository.seal(reference, data), DefinitionJson.mapper().createObjectNode(),
                OffsetDateTime.now(), null, null, List.of(),
                List.of(SubmissionService.OUTBOX_DOCUMENTS, SubmissionService.OUTBOX_SUBMITTED), payload);
    }
}
