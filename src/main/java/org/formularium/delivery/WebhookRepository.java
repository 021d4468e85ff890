package org.formularium.delivery;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.formularium.jooq.Tables.WEBHOOK;
import static org.formularium.jooq.Tables.WEBHOOK_DELIVERY;

/** Tables {@code webhook} and {@code webhook_delivery}. */
@Repository
class WebhookRepository {

    private final DSLContext dsl;

    WebhookRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(String formKey, String url, String secret, String user, OffsetDateTime now) {
        return dsl.insertInto(WEBHOOK).set(WEBHOOK.FORM_KEY, formKey).set(WEBHOOK.URL, url)
                .set(WEBHOOK.SECRET, secret).set(WEBHOOK.CREATED_AT, now).set(WEBHOOK.CREATED_BY, user)
                .returning(WEBHOOK.ID).fetchOne().getId();
    }

    List<Webhook> enabledFor(String formKey) {
        return dsl.selectFrom(WEBHOOK).where(WEBHOOK.FORM_KEY.eq(formKey)).and(WEBHOOK.ENABLED.isTrue())
                .orderBy(WEBHOOK.ID).fetch(this::toWebhook);
    }

    List<Webhook> all(String formKey) {
        return dsl.selectFrom(WEBHOOK).where(WEBHOOK.FORM_KEY.eq(formKey)).orderBy(WEBHOOK.ID).fetch(this::toWebhook);
    }

    Optional<Webhook> find(long id) {
        return dsl.selectFrom(WEBHOOK).where(WEBHOOK.ID.eq(id)).fetchOptional(this::toWebhook);
    }

    void setSecret(long id, String secret) {
        dsl.update(WEBHOOK).set(WEBHOOK.SECRET, secret).where(WEBHOOK.ID.eq(id)).execute();
    }

    void setEnabled(long id, boolean enabled) {
        dsl.update(WEBHOOK).set(WEBHOOK.ENABLED, enabled).where(WEBHOOK.ID.eq(id)).execute();
    }

    void logDelivery(long outboxId, long webhookId, int attempt, Integer statusCode, String error, int durationMs,
                     OffsetDateTime at) {
        dsl.insertInto(WEBHOOK_DELIVERY).set(WEBHOOK_DELIVERY.OUTBOX_ID, outboxId)
                .set(WEBHOOK_DELIVERY.WEBHOOK_ID, webhookId).set(WEBHOOK_DELIVERY.ATTEMPT, attempt)
                .set(WEBHOOK_DELIVERY.STATUS_CODE, statusCode).set(WEBHOOK_DELIVERY.ERROR, error)
                .set(WEBHOOK_DELIVERY.DURATION_MS, durationMs).set(WEBHOOK_DELIVERY.ATTEMPTED_AT, at).execute();
    }

    record Delivery(long outboxId, int attempt, Integer statusCode, String error, int durationMs,
                    OffsetDateTime attemptedAt) {
    }

    List<Delivery> deliveries(long webhookId, int limit) {
        return dsl.selectFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.WEBHOOK_ID.eq(webhookId))
                .orderBy(WEBHOOK_DELIVERY.ID.desc()).limit(limit)
                .fetch(r -> new Delivery(r.getOutboxId(), r.getAttempt(), r.getStatusCode(), r.getError(),
                        r.getDurationMs(), r.getAttemptedAt()));
    }

    private Webhook toWebhook(Record r) {
        return new Webhook(r.get(WEBHOOK.ID), r.get(WEBHOOK.FORM_KEY), r.get(WEBHOOK.URL), r.get(WEBHOOK.SECRET),
                r.get(WEBHOOK.ENABLED), r.get(WEBHOOK.CREATED_AT), r.get(WEBHOOK.CREATED_BY));
    }
}
