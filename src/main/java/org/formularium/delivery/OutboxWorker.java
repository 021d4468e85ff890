package org.formularium.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.formularium.submission.SubmissionSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Works the outbox: documents, webhooks, e-mails. Safe with several instances (items are claimed with
 * SKIP LOCKED and leased); failures are retried with exponential backoff and dead-lettered after
 * {@code formularium.outbox.max-attempts}; a failure never touches the submission itself.
 */
@Service
public class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 20;

    private final OutboxRepository repository;
    private final Map<String, OutboxHandler> handlers;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration lease;
    private final AtomicInteger active = new AtomicInteger();
    private final int threads;
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean startQueued = new AtomicBoolean();
    private final Executor executor;
    private final IngestPressure pressure;

    OutboxWorker(OutboxRepository repository, List<OutboxHandler> handlers, TransactionTemplate transactions,
                 Clock clock, @Qualifier("outboxExecutor") Executor executor,
                 @Value("${formularium.outbox.busy-threshold:200}") int busyThreshold,
                 @Value("${formularium.outbox.busy-share:0.2}") double busyShare,
                 @Value("${formularium.outbox.max-attempts:8}") int maxAttempts,
                 @Value("${formularium.outbox.base-delay:PT5S}") Duration baseDelay,
                 @Value("${formularium.outbox.max-delay:PT1H}") Duration maxDelay,
                 @Value("${formularium.outbox.lease:PT5M}") Duration lease,
                 @Value("${formularium.outbox.threads:3}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("formularium.outbox.threads must be at least 1");
        }
        this.threads = threads;
        this.repository = repository;
        this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
        this.transactions = transactions;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.lease = lease;
        this.executor = executor;
        this.pressure = new IngestPressure(busyThreshold, busyShare);
    }

    /**
     * Right after a submission commits, start on its work instead of waiting for the next poll. At most one
     * start is queued at a time (a burst of submissions is one drain, and a full executor never fails the
     * citizen's request: the poll picks the work up).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onSubmitted(SubmissionSubmitted event) {
        pressure.record();
        start();
    }

    /** The poll starts a drain on the outbox threads too, so that a long drain never holds up the scheduler. */
    @Scheduled(fixedDelayString = "${formularium.outbox.poll-interval:PT2S}", initialDelayString = "PT5S")
    public void poll() {
        start();
    }

    private void start() {
        if (startQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    startQueued.set(false);
                    drain();
                });
            } catch (TaskRejectedException e) {
                startQueued.set(false);
            }
        }
    }

    /**
     * Works through due items until none is left. Returns how many were handled. Up to
     * {@code formularium.outbox.threads} drains run at once (each claims its own batches with SKIP LOCKED); a
     * drain that finds a full batch starts another while submissions are not arriving fast. A call while the
     * limit is reached makes a running drain look once more, so work committed meanwhile is not left for the poll.
     */
    public int drain() {
        again.set(true);
        if (active.incrementAndGet() > threads) {
            active.decrementAndGet();
            return 0;
        }
        int handled = 0;
        try {
            while (again.getAndSet(false)) {
                List<OutboxItem> items;
                do {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    items = transactions.execute(s -> repository.claim(BATCH, now, now.plus(lease)));
                    if (items.size() == BATCH && active.get() < threads && !pressure.high(System.nanoTime())) {
                        start();
                    }
                    for (OutboxItem item : items) {
                        long started = System.nanoTime();
                        work(item, now);
                        handled++;
                        pace(System.nanoTime() - started);
                    }
                } while (!items.isEmpty());
            }
        } finally {
            active.decrementAndGet();
        }
        return again.get() ? handled + drain() : handled;
    }

    /**
     * While submissions arrive fast, the worker rests after each item so that producing documents takes at
     * most {@code formularium.outbox.busy-share} of one core and ingest keeps the rest: documents may lag
     * behind under load, they are never skipped.
     */
    private void pace(long workedNanos) {
        long pause = pressure.pauseAfter(workedNanos);
        if (pause > 0) {
            try {
                Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work(OutboxItem item, OffsetDateTime claimedAt) {
        OffsetDateTime start = OffsetDateTime.now(clock);
        // within the first half of the lease the claim still holds; later it is renewed first, fenced by the
        // attempt number
        boolean fresh = start.isBefore(claimedAt.plus(lease.dividedBy(2)));
        if (!fresh && !Boolean.TRUE.equals(transactions.execute(s -> repository.renew(item.id(), item.attempt(), start.plus(lease))))) {
            // the batch took longer than the lease and another instance has taken the item: never do it twice
            LOG.info("outbox item {} ({}) was taken over by another worker, skipped", item.id(), item.kind());
            return;
        }
        OutboxHandler handler = handlers.get(item.kind());
        try {
            if (handler == null) {
                throw new IllegalStateException("no handler for outbox kind " + item.kind());
            }
            handler.handle(item);
            transactions.executeWithoutResult(s -> repository.done(item.id(), OffsetDateTime.now(clock)));
        } catch (OutboxHandler.RetryLater wait) {
            transactions.executeWithoutResult(s -> repository.retry(item.id(),
                    OffsetDateTime.now(clock).plus(baseDelay), wait.getMessage(), false));
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (item.attempt() >= maxAttempts) {
                LOG.warn("outbox item {} ({}) dead after {} attempts: {}", item.id(), item.kind(), item.attempt(), error);
                transactions.executeWithoutResult(s -> repository.dead(item.id(), error));
            } else {
                Duration delay = backoff(item.attempt());
                LOG.info("outbox item {} ({}) failed (attempt {}), retry in {}: {}", item.id(), item.kind(),
                        item.attempt(), delay, error);
                transactions.executeWithoutResult(s -> repository.retry(item.id(),
                        OffsetDateTime.now(clock).plus(delay), error, true));
            }
        }
    }

    /** base × 2^(attempt−1), capped. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration delay = baseDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Adds work once per dedupe key (used by handlers that fan out, and by the workflow). */
    public void enqueue(String kind, Long submissionId, JsonNode payload, String dedupeKey) {
        repository.add(kind, submissionId, payload, dedupeKey, OffsetDateTime.now(clock));
    }

    public boolean retryNow(long id) {
        return Boolean.TRUE.equals(transactions.execute(s -> repository.retryNow(id, OffsetDateTime.now(clock))));
    }
}
