package org.formularium.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.audit.ActorType;
import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditActor;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.formularium.submission.SubmissionRecord;
import org.formularium.shared.web.PublicUrl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/**
 * Outbox kind {@code SUBMITTED}: fans a new submission out into one {@code WEBHOOK} item per enabled
 * webhook of the form and a {@code MAIL_CONFIRMATION} item when the form names an e-mail field that was
 * answered. Each fan-out item has a dedupe key, so a retried fan-out adds nothing twice.
 */
@Component
public class SubmissionEvents implements OutboxHandler {

    static final String KIND = "SUBMITTED";
    /** Handled by the back office, which knows who is responsible for a form. */
    public static final String CLERK_NOTIFICATION_KIND = "MAIL_CLERKS";

    private final CitizenContact contacts;
    private final WebhookService webhooks;
    private final OutboxWorker outbox;
    private final ObjectMapper json;
    private final PublicUrl publicUrl;
    private final AuditService audit;

    SubmissionEvents(CitizenContact contacts, WebhookService webhooks,
                     @org.springframework.context.annotation.Lazy OutboxWorker outbox, ObjectMapper json,
                     PublicUrl publicUrl, AuditService audit) {
        this.audit = audit;
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void handle(OutboxItem item) {
        CitizenContact.Contact contact = contacts.of(item.submissionId());
        SubmissionRecord submission = contact.submission();
        audit.record(actor(item.payload().path("actor")), AuditAction.CREATE, AuditTarget.SUBMISSION,
                submission.reference(), Map.of("form", submission.formKey(), "version", submission.formVersion(),
                        "channel", submission.channel().name()));
        fanOutWebhooks(item, submission, webhookId -> event("submission.received", item.id(), webhookId, submission));
        outbox.enqueue(CLERK_NOTIFICATION_KIND, submission.id(),
                json.createObjectNode().put("reference", submission.reference()), "clerks:" + item.id());
        if (contact.email().isPresent()) {
            outbox.enqueue(ConfirmationMail.KIND, submission.id(),
                    json.createObjectNode().put("reference", submission.reference()), "mail:" + item.id());
        }
    }

    /** Who submitted, as the ingest captured it (items queued before the audit log: the system). */
    private static AuditActor actor(JsonNode actor) {
        if (!actor.hasNonNull("type")) {
            return AuditActor.system("submission");
        }
        return new AuditActor(ActorType.valueOf(actor.get("type").asText()),
                actor.hasNonNull("id") ? actor.get("id").asText() : null,
                actor.hasNonNull("name") ? actor.get("name").asText() : null);
    }

    /** One {@code WEBHOOK} item per enabled webhook of the submission's form, each once (dedupe key). */
    void fanOutWebhooks(OutboxItem item, SubmissionRecord submission,
                        java.util.function.LongFunction<ObjectNode> eventForWebhook) {
        for (Webhook webhook : webhooks.enabledFor(submission.formKey())) {
            ObjectNode payload = json.createObjectNode().put("webhookId", webhook.id());
            payload.set("event", eventForWebhook.apply(webhook.id()));
            outbox.enqueue(WebhookDelivery.KIND, submission.id(), payload,
                    "webhook:" + item.id() + ":" + webhook.id());
        }
    }

    /** The event a webhook receives: ids and links, never the answers themselves. */
    ObjectNode event(String type, long outboxId, long webhookId, SubmissionRecord submission) {
        ObjectNode event = json.createObjectNode();
        event.put("id", "evt-" + outboxId + "-" + webhookId);
        event.put("type", type);
        event.put("createdAt", java.time.OffsetDateTime.now().toString());
        ObjectNode data = event.putObject("data");
        data.put("reference", submission.reference());
        data.putObject("form").put("key", submission.formKey()).put("version", submission.formVersion());
        data.put("status", submission.status().name());
        data.put("submittedAt", submission.submittedAt().toString());
        ObjectNode links = data.putObject("links");
        String base = publicUrl.of("/api/v1/submissions/" + submission.reference());
        links.put("self", base);
        links.put("pdf", base + "/pdf");
        links.put("xml", base + "/xml");
        return event;
    }

}
