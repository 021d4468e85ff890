package org.formularium.submission;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of new submissions: requests that arrive while another batch is being written wait for the
 * writer lock, and the first of them writes every submission queued by then in ONE transaction (one multi-row
 * insert of the submissions, their uploads bound, one multi-row insert of their outbox work, one commit).
 * Each request returns only after the commit that holds its submission, so an acknowledged submission is as
 * durable as before; under load one commit (and one WAL flush) serves many submissions instead of one.
 * <p>
 * There is no timer and no thread of its own: a lone request writes its batch of one at once. When a batch
 * fails (say, an upload was bound by a concurrent submission in the meantime), each of its submissions is
 * written again alone, so one bad submission never takes others with it.
 */
@Component
class SubmissionWriter {

    /** Upper bound of submissions per transaction (keeps a statement and a transaction short). */
    static final int MAX_BATCH = 64;

    /** A submission ready to store: the answers already sealed, the outbox payload and the event ready. */
    record NewSubmission(String reference, String accessCodeHash, String formKey, int version, String language,
                         Channel channel, String idempotencyKey, String requestHash, byte[] sealedData,
                         JsonNode indexedData, OffsetDateTime submittedAt, String privacyNotice,
                         OffsetDateTime consentAt, List<UUID> attachments, List<String> outboxKinds,
                         JsonNode outboxPayload) {
    }

    private record Pending(NewSubmission submission, CompletableFuture<Optional<Long>> result) {
    }

    private final SubmissionRepository submissions;
    private final AttachmentRepository attachments;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    SubmissionWriter(SubmissionRepository submissions, AttachmentRepository attachments,
                     ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.submissions = submissions;
        this.attachments = attachments;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        // never part of a caller's transaction: the batch holds other requests' submissions too
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores the submission (committed when this returns) and returns its id, or empty when its idempotency
     * key was already used (by an earlier request, or by another submission of the same batch).
     */
    Optional<Long> write(NewSubmission submission) {
        Pending pending = new Pending(submission, new CompletableFuture<>());
        queue.add(pending);
        writer.lock();
        try {
            while (!pending.result().isDone()) {
                writeBatch();
            }
        } finally {
            writer.unlock();
        }
        try {
            return pending.result().join();
        } catch (CompletionException e) {
            // the caller sees the failure as if it had written alone
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            Map<Integer, Long> ids = transactions.execute(status -> store(batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(Optional.ofNullable(ids.get(i)));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            // one of them spoilt the batch: each alone, so that only that one fails
            for (Pending pending : batch) {
                try {
                    Map<Integer, Long> ids = transactions.execute(status -> store(List.of(pending)));
                    pending.result().complete(Optional.ofNullable(ids.get(0)));
                } catch (RuntimeException alone) {
                    pending.result().completeExceptionally(alone);
                }
            }
        }
    }

    /** In the batch's transaction: the ids of the inserted submissions by their index in the batch. */
    private Map<Integer, Long> store(List<Pending> batch) {
        List<NewSubmission> rows = batch.stream().map(Pending::submission).toList();
        Map<Integer, Long> ids = submissions.insertAll(rows);
        List<SubmissionRepository.OutboxWork> work = new ArrayList<>();
        ids.forEach((index, id) -> {
            NewSubmission row = rows.get(index);
            if (!row.attachments().isEmpty()) {
                attachments.bind(row.attachments(), id);
            }
            work.add(new SubmissionRepository.OutboxWork(id, row.outboxKinds(), row.outboxPayload(), row.submittedAt()));
        });
        submissions.addOutbox(work);
        // listeners that act after commit (the outbox worker) hear of each new submission once
        ids.forEach((index, id) -> {
            NewSubmission row = rows.get(index);
            events.publishEvent(new SubmissionSubmitted(id, row.reference(), row.formKey(), row.version()));
        });
        return ids;
    }
}
