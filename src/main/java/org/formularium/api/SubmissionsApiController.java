package org.formularium.api;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.formularium.backoffice.ReviewService;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.SectionElement;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.Channel;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionRecord;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmissionStatus;
import org.formularium.submission.SubmitCommand;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Headless submission and the downstream API: submit, upload, list, read, documents, acknowledge. */
@RestController
@Tag(name = "Submissions")
class SubmissionsApiController {

    static final int MAX_PAGE = 200;
    static final String CONSENT_HEADER = "Privacy-Consent-At";

    private final SubmissionService submissions;
    private final AttachmentService attachments;
    private final FormService forms;
    private final ReviewService review;
    private final AuditService audit;

    SubmissionsApiController(SubmissionService submissions, AttachmentService attachments, FormService forms,
                             ReviewService review, AuditService audit) {
        this.review = review;
        this.audit = audit;
        this.submissions = submissions;
        this.attachments = attachments;
        this.forms = forms;
    }

    record Links(String self, String pdf, String xml) {
        static Links of(String reference) {
            String base = "/api/v1/submissions/" + reference;
            return new Links(base, base + "/pdf", base + "/xml");
        }
    }

    record Created(String reference, String form, int version, OffsetDateTime submittedAt, String accessCode,
                   Links links) {
    }

    record ListItem(String reference, String form, int version, SubmissionStatus status, OffsetDateTime submittedAt,
                    OffsetDateTime acknowledgedAt, OffsetDateTime deletedAt, Links links) {

        static ListItem of(SubmissionRecord s) {
            return new ListItem(s.reference(), s.formKey(), s.formVersion(), s.status(), s.submittedAt(),
                    s.acknowledgedAt(), s.deletedAt(), Links.of(s.reference()));
        }
    }

    record ResultPage<T>(List<T> items, String next) {
    }

    @PostMapping(value = "/api/v1/forms/{key}/submissions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(RequireScope.SUBMISSIONS_WRITE)
    @Operation(summary = "Submit data to the latest published version (Idempotency-Key required; a repeated key "
            + "returns the first result)")
    public ResponseEntity<Created> submit(@PathVariable String key, @RequestBody JsonNode data,
                                          @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                          @RequestHeader(value = "Content-Language", required = false) String language,
                                          @Parameter(description = "When the citizen consented to the form's privacy notice "
                                                  + "(RFC 3339), if the form asks for consent")
                                          @RequestHeader(value = CONSENT_HEADER, required = false) String consentAt) {
        if (idempotencyKey == null || idempotencyKey.isBlank()
                || idempotencyKey.length() > SubmissionService.MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new ApiProblemException(ApiProblemType.MALFORMED_REQUEST,
                    "An Idempotency-Key header of 1 to 200 characters is required.",
                    List.of(new ApiFieldError("Idempotency-Key", "REQUIRED", "Send a unique key per submission.")));
        }
        if (!data.isObject()) {
            throw ApiProblemException.validation("The body must be a JSON object with the answers.",
                    List.of(new ApiFieldError("", "WRONG_TYPE", "Expected a JSON object keyed by element keys.")));
        }
        Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.GERMAN;
        // the stored privacy notice is the form version's notice in the request's language (Content-Language)
        SubmissionReceipt receipt = submissions.submit(new SubmitCommand(key, null, data, locale, "api:" + idempotencyKey,
                Channel.API, null, consentTime(consentAt)));
        return ResponseEntity.status(receipt.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Location", Links.of(receipt.reference()).self())
                .header("Idempotent-Replayed", String.valueOf(receipt.replay()))
                .body(new Created(receipt.reference(), receipt.formKey(), receipt.formVersion(), receipt.submittedAt(),
                        receipt.accessCode(), Links.of(receipt.reference())));
    }

    private static java.time.Instant consentTime(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(header.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiProblemException(ApiProblemType.MALFORMED_REQUEST,
                    "The " + CONSENT_HEADER + " header must be a date-time such as 2026-03-01T10:15:00+01:00.",
                    List.of(new ApiFieldError(CONSENT_HEADER, "INVALID_VALUE", "Send an RFC 3339 date-time.")));
        }
    }

    @PostMapping(value = "/api/v1/forms/{key}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(RequireScope.SUBMISSIONS_WRITE)
    @Operation(summary = "Upload a file for a file element (same checks as the citizen runtime); reference its id in the data")
    public ResponseEntity<StoredAttachment> upload(@PathVariable String key, @RequestParam("element") String elementKey,
                                                   @RequestPart("file") MultipartFile file) throws IOException {
        PublishedForm form = forms.latestPublished(key)
                .orElseThrow(() -> ApiProblemException.notFound("No published form '" + key + "'."));
        FileElement element = findFileElement(form, elementKey).orElseThrow(() -> ApiProblemException.validation(
                "The form has no file element '" + elementKey + "'.",
                List.of(new ApiFieldError("element", "UNKNOWN_ELEMENT", "Name a file element of the form."))));
        StoredAttachment stored = attachments.upload(key, element, file.getOriginalFilename(), file.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).body(stored);
    }

    @GetMapping("/api/v1/submissions")
    @PreAuthorize(RequireScope.SUBMISSIONS_READ)
    @Operation(summary = "Submissions in arrival order with filters; follow `next` for the following page")
    public ResultPage<ListItem> list(@RequestParam(required = false) String form,
                               @RequestParam(required = false) SubmissionStatus status,
                               @RequestParam(required = false) OffsetDateTime since,
                               @RequestParam(required = false) Boolean acknowledged,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblemException.validation("limit must be between 1 and " + MAX_PAGE + ".",
                    List.of(new ApiFieldError("limit", "OUT_OF_RANGE", "Use 1 to " + MAX_PAGE + ".")));
        }
        long after = decodeCursor(cursor);
        List<SubmissionRecord> page = submissions.list(form, status, since, acknowledged, after, limit + 1);
        boolean more = page.size() > limit;
        List<SubmissionRecord> items = more ? page.subList(0, limit) : page;
        String next = more ? encodeCursor(items.get(items.size() - 1).id()) : null;
        return new ResultPage<>(items.stream().map(ListItem::of).toList(), next);
    }

    @GetMapping(value = "/api/v1/submissions/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(RequireScope.SUBMISSIONS_READ)
    @Operation(summary = "The submission document (data + metadata), identical to the JSON embedded in its PDF")
    public ResponseEntity<byte[]> get(@PathVariable String reference) {
        live(reference);
        byte[] body = submissions.jsonDocument(reference).orElseThrow(() -> gone(reference));
        audit.record(AuditAction.VIEW, AuditTarget.SUBMISSION, reference, Map.of("document", "json"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/v1/submissions/{reference}/pdf")
    @PreAuthorize(RequireScope.SUBMISSIONS_READ)
    @Operation(summary = "The PDF/A-3a receipt (404 with Retry-After while it is being produced)")
    public ResponseEntity<byte[]> pdf(@PathVariable String reference) {
        return document(reference, "pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/api/v1/submissions/{reference}/xml")
    @PreAuthorize(RequireScope.SUBMISSIONS_READ)
    @Operation(summary = "The submission as XML, valid against the version's XSD")
    public ResponseEntity<byte[]> xml(@PathVariable String reference) {
        return document(reference, "xml", MediaType.APPLICATION_XML);
    }

    @GetMapping("/api/v1/attachments/{id}")
    @PreAuthorize(RequireScope.SUBMISSIONS_READ)
    @Operation(summary = "An uploaded file")
    public ResponseEntity<byte[]> attachment(@PathVariable UUID id) {
        StoredAttachment attachment = attachments.find(id)
                .orElseThrow(() -> ApiProblemException.notFound("No attachment " + id + "."));
        byte[] content = attachments.content(id).orElseThrow();
        audit.record(AuditAction.EXPORT, AuditTarget.ATTACHMENT, id.toString());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", attachment.sha256())
                .body(content);
    }

    @PostMapping("/api/v1/submissions/{reference}/ack")
    @PreAuthorize(RequireScope.SUBMISSIONS_WRITE)
    @Operation(summary = "Acknowledge that a downstream system has taken the submission over (idempotent)")
    public ListItem acknowledge(@PathVariable String reference) {
        live(reference);
        SubmissionRecord s = submissions.acknowledge(reference);
        audit.record(AuditAction.CHANGE, AuditTarget.SUBMISSION, s.reference(), Map.of("change", "acknowledged"));
        return ListItem.of(s);
    }

    record StatusChange(SubmissionStatus status, String comment, String publicComment) {
    }

    @PatchMapping(value = "/api/v1/submissions/{reference}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(RequireScope.SUBMISSIONS_WRITE)
    @Operation(summary = "Change the status in the review workflow (received → in review → needs information → "
            + "approved | rejected → closed); a comment is required for needs information and rejected; "
            + "If-Match: the lock version you saw (optional)")
    public ListItem changeStatus(@PathVariable String reference, @RequestBody StatusChange change,
                                 @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        live(reference);
        if (change == null || change.status() == null) {
            throw ApiProblemException.validation("Name the new status.",
                    List.of(new ApiFieldError("status", "REQUIRED", "One of " + java.util.Arrays.toString(SubmissionStatus.values()))));
        }
        int lock = ifMatch == null || ifMatch.isBlank() ? review.lockVersion(reference) : parseLock(ifMatch);
        review.changeStatus(reference, lock, change.status(), change.comment(), change.publicComment());
        return ListItem.of(find(reference));
    }

    private static int parseLock(String ifMatch) {
        try {
            return Integer.parseInt(ifMatch.trim().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiProblemException.badRequest("If-Match must be the submission's lock version, e.g. \"2\".");
        }
    }

    private ResponseEntity<byte[]> document(String reference, String kind, MediaType type) {
        live(reference);
        Optional<byte[]> content = submissions.document(reference, kind);
        if (content.isEmpty()) {
            throw new ApiProblemException(ApiProblemType.NOT_FOUND, "The " + kind.toUpperCase(Locale.ROOT) + " of "
                    + reference + " is being produced; try again in a few seconds.");
        }
        audit.record(AuditAction.EXPORT, AuditTarget.SUBMISSION, reference, Map.of("document", kind));
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(reference + "." + kind).build().toString())
                .body(content.get());
    }

    private SubmissionRecord find(String reference) {
        return submissions.find(reference)
                .orElseThrow(() -> ApiProblemException.notFound("No submission " + reference + "."));
    }

    /** The submission unless only its tombstone is left (then 410 Gone: it existed, its content is deleted). */
    private SubmissionRecord live(String reference) {
        SubmissionRecord submission = find(reference);
        if (submission.deleted()) {
            throw gone(reference);
        }
        return submission;
    }

    private ApiProblemException gone(String reference) {
        SubmissionRecord submission = find(reference);
        return new ApiProblemException(ApiProblemType.GONE, "The content of submission " + reference
                + " was deleted (" + submission.deletionReason() + ") on " + submission.deletedAt() + ".");
    }

    static Optional<FileElement> findFileElement(PublishedForm form, String key) {
        List<Element> queue = new ArrayList<>();
        for (Page page : form.definition().pages()) {
            queue.addAll(page.elements());
        }
        while (!queue.isEmpty()) {
            Element element = queue.remove(0);
            if (element instanceof FileElement file && file.key().equals(key)) {
                return Optional.of(file);
            } else if (element instanceof SectionElement section) {
                queue.addAll(section.elements());
            } else if (element instanceof GroupElement group) {
                queue.addAll(group.elements());
            }
        }
        return Optional.empty();
    }

    private static long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.badRequest("The cursor is not one this API gave out.");
        }
    }

    private static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    }

}
