package org.formularium.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.submission.SubmissionRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outbox kind {@code STATUS_CHANGED} (queued by the back office's review workflow): fans a status change
 * out into one {@code WEBHOOK} item per enabled webhook of the form (event {@code submission.status_changed}
 * with the previous and new status and the public comment, never the answers) and a
 * {@code MAIL_STATUS_CHANGED} item when the form names an e-mail field that was answered. Each fan-out item
 * has a dedupe key, so a retried fan-out adds nothing twice.
 */
@Component
class StatusChangeEvents implements OutboxHandler {

    static final String KIND = "STATUS_CHANGED";
    static final String EVENT_TYPE = "submission.status_changed";

    private final CitizenContact contacts;
    private final SubmissionEvents submissionEvents;
    private final OutboxWorker outbox;

    StatusChangeEvents(CitizenContact contacts, SubmissionEvents submissionEvents,
                       @org.springframework.context.annotation.Lazy OutboxWorker outbox) {
        this.contacts = contacts;
        this.submissionEvents = submissionEvents;
        this.outbox = outbox;
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
        submissionEvents.fanOutWebhooks(item, submission, webhookId -> event(item, webhookId, submission));
        if (contact.email().isPresent()) {
            outbox.enqueue(StatusChangeMail.KIND, submission.id(), item.payload().deepCopy(), "mail:" + item.id());
        }
    }

    /** The webhook event: like {@code submission.received}, with the change (status as of this change). */
    ObjectNode event(OutboxItem item, long webhookId, SubmissionRecord submission) {
        ObjectNode event = submissionEvents.event(EVENT_TYPE, item.id(), webhookId, submission);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("status", item.payload().path("to").asText(submission.status().name()));
        data.put("previousStatus", item.payload().path("from").asText(null));
        data.put("statusChangedAt", item.payload().path("changedAt").asText(null));
        if (item.payload().hasNonNull("publicComment")) {
            data.put("publicComment", item.payload().get("publicComment").asText());
        }
        return event;
    }
}
