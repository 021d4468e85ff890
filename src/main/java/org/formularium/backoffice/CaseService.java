package org.formularium.backoffice;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.formularium.definition.outline.AnswerOutline;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmissionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reading one submission in the back office: its answers (as an {@link AnswerOutline}), documents,
 * attachments, history and notes. Every method checks that the signed-in user may read the submission's
 * form; a submission of another form is reported exactly like one that does not exist.
 */
@Service
public class CaseService {

    /** The documents the back office offers. */
    public static final Set<String> DOCUMENT_KINDS = Set.of("pdf", "json", "xml");

    private final ReviewRepository repository;
    private final ResponsibilityService responsibilities;
    private final ClerkContext clerks;
    private final SubmissionService submissions;
    private final AttachmentService attachments;
    private final FormService forms;
    private final AuditService audit;

    CaseService(ReviewRepository repository, ResponsibilityService responsibilities, ClerkContext clerks,
                SubmissionService submissions, AttachmentService attachments, FormService forms, AuditService audit) {
        this.audit = audit;
        this.repository = repository;
        this.responsibilities = responsibilities;
        this.clerks = clerks;
        this.submissions = submissions;
        this.attachments = attachments;
        this.forms = forms;
    }

    /** The submission, if it exists and belongs to one of the user's forms. */
    @Transactional(readOnly = true)
    public Optional<SubmissionCase> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        FormScope scope = responsibilities.scopeOf(clerks.current());
        return repository.find(reference.strip()).filter(c -> scope.includes(c.formKey()));
    }

    /** Like {@link #find}, for showing the submission to the user: the view is recorded in the audit log. */
    // no transaction around it: the audit entry is written in its own, without holding a second connection
    public Optional<SubmissionCase> view(String reference) {
        Optional<SubmissionCase> found = find(reference);
        found.ifPresent(c -> audit.record(AuditAction.VIEW, AuditTarget.SUBMISSION, c.reference(),
                Map.of("form", c.formKey())));
        return found;
    }

    /** Like {@link #find} but throws {@link SubmissionNotFoundException}. */
    @Transactional(readOnly = true)
    public SubmissionCase open(String reference) {
        return find(reference).orElseThrow(() -> new SubmissionNotFoundException(reference));
    }

    /** The answers laid out as in the form, in the given language. */
    @Transactional(readOnly = true)
    public AnswerOutline outline(SubmissionCase submission, Locale locale) {
        return AnswerOutline.build(form(submission).definition(), submission.data(), locale);
    }

    /** The published version the submission was made with. */
    @Transactional(readOnly = true)
    public PublishedForm form(SubmissionCase submission) {
        return forms.published(submission.formKey(), submission.formVersion()).orElseThrow(
                () -> new IllegalStateException("form version of " + submission.reference() + " is missing"));
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(String reference) {
        return repository.history(open(reference).id());
    }

    @Transactional(readOnly = true)
    public List<Note> notes(String reference) {
        return repository.notes(open(reference).id());
    }

    @Transactional(readOnly = true)
    public List<StoredAttachment> attachments(String reference) {
        return submissions.attachmentsOf(open(reference).reference());
    }

    /** The content of an attachment of this submission (never of another one). */
    @Transactional(readOnly = true)
    public Optional<byte[]> attachment(String reference, UUID attachmentId) {
        boolean belongs = attachments(reference).stream().anyMatch(a -> a.id().equals(attachmentId));
        return belongs ? attachments.content(attachmentId) : Optional.empty();
    }

    /** A produced document ({@code pdf}, {@code json}, {@code xml}), once it exists. */
    @Transactional(readOnly = true)
    public Optional<byte[]> document(String reference, String kind) {
        if (!DOCUMENT_KINDS.contains(kind)) {
            return Optional.empty();
        }
        return submissions.document(open(reference).reference(), kind);
    }

    /** A document for download (recorded in the audit log as an export). */
    // no transaction around it: the audit entry is written in its own, without holding a second connection
    public Optional<byte[]> downloadDocument(String reference, String kind) {
        Optional<byte[]> content = document(reference, kind);
        content.ifPresent(c -> audit.record(AuditAction.EXPORT, AuditTarget.SUBMISSION, reference.strip(),
                Map.of("document", kind)));
        return content;
    }

    /** An attachment for download (recorded in the audit log as an export). */
    // no transaction around it: the audit entry is written in its own, without holding a second connection
    public Optional<byte[]> downloadAttachment(String reference, UUID attachmentId) {
        Optional<byte[]> content = attachment(reference, attachmentId);
        content.ifPresent(c -> audit.record(AuditAction.EXPORT, AuditTarget.ATTACHMENT, attachmentId.toString(),
                Map.of("submission", reference.strip())));
        return content;
    }

    /** Colleagues a submission can be assigned to: the users responsible for its form. */
    @Transactional(readOnly = true)
    public List<String> colleagues(String reference) {
        return responsibilities.usersOf(open(reference).formKey());
    }
}
