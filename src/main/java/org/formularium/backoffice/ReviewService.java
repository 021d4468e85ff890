package org.formularium.backoffice;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.delivery.OutboxWorker;
import org.formularium.submission.SubmissionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.formularium.submission.SubmissionStatus.APPROVED;
import static org.formularium.submission.SubmissionStatus.CLOSED;
import static org.formularium.submission.SubmissionStatus.IN_REVIEW;
import static org.formularium.submission.SubmissionStatus.NEEDS_INFORMATION;
import static org.formularium.submission.SubmissionStatus.RECEIVED;
import static org.formularium.submission.SubmissionStatus.REJECTED;

/**
 * The review workflow, enforced here (not by hiding buttons): received → in review → needs information →
 * approved | rejected → closed. Needs information and rejected require an internal comment; a public comment
 * is optional and reaches the citizen. Every change carries the lock version the clerk saw: if someone
 * changed the submission meanwhile, {@link ConcurrentChangeException} and nothing is written. A status
 * change queues outbox work {@value #OUTBOX_STATUS_CHANGED} (webhooks and the citizen's e-mail).
 */
@Service
public class ReviewService {

    /** Outbox kind handled in {@code org.formularium.delivery}. */
    public static final String OUTBOX_STATUS_CHANGED = "STATUS_CHANGED";
    public static final int COMMENT_MAX_LENGTH = 4000;

    private static final Map<SubmissionStatus, Set<SubmissionStatus>> TRANSITIONS = new EnumMap<>(Map.of(
            RECEIVED, EnumSet.of(IN_REVIEW),
            IN_REVIEW, EnumSet.of(NEEDS_INFORMATION, APPROVED, REJECTED),
            NEEDS_INFORMATION, EnumSet.of(IN_REVIEW, APPROVED, REJECTED),
            APPROVED, EnumSet.of(CLOSED),
            REJECTED, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(SubmissionStatus.class)));
    private static final Set<SubmissionStatus> COMMENT_REQUIRED = EnumSet.of(NEEDS_INFORMATION, REJECTED);

    private final ReviewRepository repository;
    private final CaseService cases;
    private final ClerkContext clerks;
    private final ResponsibilityService responsibilities;
    private final OutboxWorker outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditService audit;

    ReviewService(ReviewRepository repository, CaseService cases, ClerkContext clerks,
                  ResponsibilityService responsibilities, OutboxWorker outbox, ObjectMapper json, Clock clock,
                  AuditService audit) {
        this.audit = audit;
        this.repository = repository;
        this.cases = cases;
        this.clerks = clerks;
        this.responsibilities = responsibilities;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** The current lock version of a submission the caller may see. */
    @Transactional(readOnly = true)
    public int lockVersion(String reference) {
        return cases.open(reference).lockVersion();
    }

    /** The statuses that may follow {@code from}. */
    public static Set<SubmissionStatus> allowedTargets(SubmissionStatus from) {
        return Set.copyOf(TRANSITIONS.get(from));
    }

    /** Whether the target status requires an internal comment. */
    public static boolean commentRequired(SubmissionStatus to) {
        return COMMENT_REQUIRED.contains(to);
    }

    /**
     * Moves a submission to another status.
     *
     * @param expectedLock  the lock version the clerk saw
     * @param comment       internal comment (required for needs information and rejected)
     * @param publicComment shown to the citizen, optional
     * @return the submission after the change
     */
    @Transactional
    public SubmissionCase changeStatus(String reference, int expectedLock, SubmissionStatus to, String comment,
                                       String publicComment) {
        Clerk clerk = clerks.current();
        String internal = trimToNull(comment);
        String forCitizen = trimToNull(publicComment);
        checkLength(internal);
        checkLength(forCitizen);
        if (internal == null && commentRequired(to)) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.COMMENT_REQUIRED,
                    "A comment is required for " + to);
        }
        SubmissionCase current = notDeleted(cases.open(reference));
        if (current.lockVersion() != expectedLock) {
            throw new ConcurrentChangeException(reference);
        }
        if (!TRANSITIONS.get(current.status()).contains(to)) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.TRANSITION_NOT_ALLOWED,
                    current.status() + " cannot change to " + to);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!repository.updateStatus(current.id(), expectedLock, to, now)) {
            throw new ConcurrentChangeException(reference);
        }
        long eventId = repository.insertEvent(current.id(), HistoryEntry.Kind.STATUS, clerk.username(), now,
                current.status(), to, null, internal, forCitizen);
        ObjectNode payload = json.createObjectNode()
                .put("reference", reference).put("eventId", eventId)
                .put("from", current.status().name()).put("to", to.name()).put("changedAt", now.toString());
        if (forCitizen != null) {
            payload.put("publicComment", forCitizen);
        }
        outbox.enqueue(OUTBOX_STATUS_CHANGED, current.id(), payload, "status-changed:" + eventId);
        audit.record(AuditAction.CHANGE, AuditTarget.SUBMISSION, reference,
                Map.of("change", "status", "from", current.status().name(), "to", to.name()));
        return cases.open(reference);
    }

    /**
     * Assigns the submission to a clerk responsible for its form, to oneself, or to nobody ({@code null}).
     */
    @Transactional
    public SubmissionCase assign(String reference, int expectedLock, String assignee) {
        Clerk clerk = clerks.current();
        SubmissionCase current = notDeleted(cases.open(reference));
        String target = trimToNull(assignee);
        if (target != null && !target.equals(clerk.username())
                && !responsibilities.usersOf(current.formKey()).contains(target)) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.ASSIGNEE_NOT_RESPONSIBLE,
                    target + " is not responsible for " + current.formKey());
        }
        if (current.lockVersion() != expectedLock
                || !repository.updateAssignee(current.id(), expectedLock, target)) {
            throw new ConcurrentChangeException(reference);
        }
        repository.insertEvent(current.id(), HistoryEntry.Kind.ASSIGNMENT, clerk.username(), OffsetDateTime.now(clock),
                null, null, target, null, null);
        audit.record(AuditAction.CHANGE, AuditTarget.SUBMISSION, reference,
                Map.of("change", "assignee", "assignee", target == null ? "" : target));
        return cases.open(reference);
    }

    /** Assigns the submission to the signed-in clerk. */
    @Transactional
    public SubmissionCase assignToMe(String reference, int expectedLock) {
        return assign(reference, expectedLock, clerks.current().username());
    }

    /** Adds an internal note (notes are only ever added, so they need no lock). */
    @Transactional
    public Note addNote(String reference, String text) {
        Clerk clerk = clerks.current();
        String note = trimToNull(text);
        if (note == null) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.NOTE_EMPTY, "A note needs text");
        }
        if (note.length() > Note.MAX_LENGTH) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.TEXT_TOO_LONG, "The note is too long");
        }
        SubmissionCase current = notDeleted(cases.open(reference));
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = repository.insertNote(current.id(), clerk.username(), now, note);
        audit.record(AuditAction.CREATE, AuditTarget.SUBMISSION, reference, Map.of("change", "note", "noteId", id));
        return new Note(id, clerk.username(), now, note);
    }

    private static SubmissionCase notDeleted(SubmissionCase current) {
        if (current.deleted()) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.DELETED,
                    current.reference() + " was deleted: " + current.deletionReason());
        }
        return current;
    }

    private static void checkLength(String text) {
        if (text != null && text.length() > COMMENT_MAX_LENGTH) {
            throw new ReviewRefusedException(ReviewRefusedException.Reason.TEXT_TOO_LONG, "The comment is too long");
        }
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
