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

    OutboxMonitor(OutboxRepository repository, OutboxWorker worker, Clock clock,
                  io.micrometer.core.instrument.MeterRegistry meters) {
        this.repository = repository;
        this.worker = worker;
        this.clock = clock;
        // read when scraped: queue length, dead letters and the age of the oldest pending task (outbox lag)
        io.micrometer.core.instrument.Gauge.builder("formularium.outbox.pending", this, m -> m.health().pending())
                .description("outbox tasks waiting (documents, webhooks, e-mails)").register(meters);
        io.micrometer.core.instrument.Gauge.builder("formularium.outbox.dead", this, m -> m.health().dead())
                .description("outbox tasks given up after all attempts").register(meters);
        io.micrometer.core.instrument.Gauge.builder("formularium.outbox.lag", this, OutboxMonitor::lagSeconds)
                .baseUnit("seconds").description("age of the oldest pending outbox task").register(meters);
    }

    private double lagSeconds() {
        OffsetDateTime oldest = health().oldestPending();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now(clock)).toMillis() / 1000.0);
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
