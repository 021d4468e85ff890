package org.formularium.delivery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** What admins see of the outbox: queue length, oldest pending item, failures, dead letters, retry now. */
@Service
public class OutboxMonitor {

    private final OutboxRepository repository;
    private final OutboxWorker worker;
    private final Clock clock;

    OutboxMonitor(OutboxRepository repository, OutboxWorker worker, Clock clock) {
        this.repository = repository;
        this.worker = worker;
        this.clock = clock;
    }

    /** Counts for the system page. */
    public record Health(int pending, int dead, OffsetDateTime oldestPending, int failedLast24h) {
        public boolean healthy() {
            return dead == 0;
        }
    }

    /** One outbox task as admins see it. */
    public record Task(long id, String kind, Long submissionId, String status, int attempts,
                       OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt) {
    }

    @Transactional(readOnly = true)
    public Health health() {
        OutboxRepository.Stats stats = repository.stats(OffsetDateTime.now(clock).minus(Duration.ofHours(24)));
        return new Health(stats.pending(), stats.dead(), stats.oldestPending(), stats.failedRecently());
    }

    @Transactional(readOnly = true)
    public List<Task> deadLetters(int limit) {
        return repository.list(Optional.of("DEAD"), limit).stream()
                .map(r -> new Task(r.id(), r.kind(), r.submissionId(), r.status(), r.attempts(), r.nextAttemptAt(),
                        r.lastError(), r.createdAt())).toList();
    }

    /** Dead letters of one webhook (its deliveries that were given up). */
    @Transactional(readOnly = true)
    public List<Task> deadLettersOfWebhook(long webhookId, int limit) {
        return repository.deadOfWebhook(WebhookDelivery.KIND, webhookId, limit).stream()
                .map(r -> new Task(r.id(), r.kind(), r.submissionId(), r.status(), r.attempts(), r.nextAttemptAt(),
                        r.lastError(), r.createdAt())).toList();
    }

    /** Puts a dead task back to work at once. */
    public boolean retryNow(long id) {
        return worker.retryNow(id);
    }
}
