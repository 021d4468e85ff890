package org.formularium.submission;

import org.formularium.audit.AuditActor;
import org.formularium.audit.AuditService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.IndexedData;
import org.formularium.definition.evaluation.DataError;
import org.formularium.definition.evaluation.DataErrorCode;
import org.formularium.definition.evaluation.DataEvaluator;
import org.formularium.definition.evaluation.Evaluation;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.Page;
import org.formularium.definition.schema.JsonText;
import org.formularium.definition.model.SectionElement;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.PublishedForm;
import org.formularium.shared.crypto.ClearRowsEncryptor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable ingest of submissions, used by the citizen runtime and the API. The data is checked by the
 * form version's data evaluator; then ONE transaction stores the cleaned answers (pinned to the version),
 * binds the uploads and queues the follow-up work in the outbox. The same idempotency key always returns
 * the first result. Documents (PDF, JSON, XML) are produced after commit from the outbox.
 */
@Service
public class SubmissionService implements ClearRowsEncryptor {

    static final String OUTBOX_DOCUMENTS = "DOCUMENTS";
    static final String OUTBOX_SUBMITTED = "SUBMITTED";
    private static final String ACCESS_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int ACCESS_CODE_LENGTH = 12;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;
    /** Counter of stored submissions (replays not counted), tagged by channel. */
    public static final String METRIC_RECEIVED = "formularium.submissions.received";

    private final SubmissionRepository submissions;
    private final AttachmentRepository attachments;
    private final FormService forms;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final PrivacyNoticeText privacyNotices;
    private final AuditService audit;
    private final SecureRandom random = new SecureRandom();
    private final ReferenceNumbers referenceNumbers;
    private final SubmissionWriter writer;
    private final Map<Channel, Counter> received = new ConcurrentHashMap<>();

    SubmissionService(SubmissionRepository submissions, AttachmentRepository attachments, FormService forms,
                      Clock clock, io.micrometer.core.instrument.MeterRegistry meters,
                      PrivacyNoticeText privacyNotices, AuditService audit, SubmissionWriter writer) {
        this.writer = writer;
        this.audit = audit;
        this.meters = meters;
        this.privacyNotices = privacyNotices;
        this.submissions = submissions;
        this.referenceNumbers = new ReferenceNumbers(submissions::nextReferenceNumbers);
        this.attachments = attachments;
        this.forms = forms;
        this.clock = clock;
    }

    /**
     * Stores a submission exactly once per idempotency key.
     *
     * @throws SubmissionRejectedException with every error when the data does not fit the form version
     * @throws IdempotencyConflictException when the key was used for different data
     * @throws org.formularium.definition.store.FormNotFoundException when the form (version) is not published
     */
    public SubmissionReceipt submit(SubmitCommand command) {
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank()
                || command.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new IllegalArgumentException("An idempotency key of 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters is required");
        }
        PublishedForm form = (command.version() == null ? forms.latestPublished(command.formKey())
                : forms.published(command.formKey(), command.version()))
                .orElseThrow(() -> new org.formularium.definition.store.FormNotFoundException(
                        "No published form '" + command.formKey() + "'" + (command.version() == null ? "" : " version " + command.version())));
        JsonNode input = JsonText.clean(command.data());
        String requestHash = requestHash(form.key(), input);
        // no look-up of the idempotency key first: the insert itself detects a replay (one round trip less)

        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        ObjectNode data = input != null && input.isObject()
                ? ((ObjectNode) input).deepCopy() : DefinitionJson.mapper().createObjectNode();
        List<DataError> fileErrors = new ArrayList<>();
        Map<UUID, StoredAttachment> referenced = resolveFiles(form.definition(), data, fileErrors);
        Evaluation evaluation = DataEvaluator.evaluate(form.definition(), data, today);
        List<DataError> errors = new ArrayList<>(fileErrors);
        // an unknown upload is reported once, not again as a malformed file answer
        evaluation.errors().stream()
                .filter(e -> fileErrors.stream().noneMatch(f -> e.path().equals(f.path()) || e.path().startsWith(f.path() + ".")))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            // a repeated request whose data no longer passes (e.g. a date rule on the next day) still gets
            // the first result
            Optional<SubmissionRepository.Existing> earlier = submissions.findByIdempotencyKey(command.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash);
            }
            throw new SubmissionRejectedException(errors);
        }

        // the privacy step of exactly this version in the submission's language, unless the caller gives the text
        String privacyNotice = command.privacyNotice() != null ? command.privacyNotice()
                : privacyNotices.of(form.definition().privacy(), command.language());
        String accessCode = accessCode();
        String reference = ReferenceNumbers.format(now.getYear(), referenceNumbers.next());
        ObjectNode payload = DefinitionJson.mapper().createObjectNode().put("reference", reference);
        // the audit entry is written from the outbox after commit: appending to the hash chain is serialised,
        // and the citizen's commit should not wait for it (the outbox item is as durable as the submission)
        AuditActor actor = audit.currentActor();
        payload.putObject("actor").put("type", actor.type().name()).put("id", actor.id()).put("name", actor.name());
        Optional<Long> inserted = writer.write(new SubmissionWriter.NewSubmission(reference, hash(accessCode),
                form.key(), form.version(), command.language().getLanguage(), command.channel(),
                command.idempotencyKey(), requestHash, submissions.seal(reference, evaluation.data()),
                IndexedData.of(form.definition(), evaluation.data()), now, privacyNotice,
                command.consentAt() == null ? null : command.consentAt().atOffset(ZoneOffset.UTC),
                usedFileIds(form.definition(), evaluation.data()), List.of(OUTBOX_DOCUMENTS, OUTBOX_SUBMITTED), payload));
        if (inserted.isEmpty()) {
            // the key was used before (or a concurrent request with it committed first)
            return replay(submissions.findByIdempotencyKey(command.idempotencyKey()).orElseThrow(), requestHash);
        }
        received.computeIfAbsent(command.channel(), channel -> meters.counter(METRIC_RECEIVED,
                "channel", channel.name().toLowerCase(java.util.Locale.ROOT))).increment();
        return new SubmissionReceipt(reference, accessCode, form.key(), form.version(), now, false);
    }

    /** Encrypts answers and documents stored before encryption at rest (with their indexed part), in batches. */
    @Override
    @Transactional
    public int encryptClearRows(int limit) {
        return submissions.encryptClearRows(limit, (formKey, version, data) -> forms.published(formKey, version)
                .map(form -> IndexedData.of(form.definition(), data))
                .orElseGet(() -> DefinitionJson.mapper().createObjectNode()));
    }

    @Transactional(readOnly = true)
    public Optional<SubmissionRecord> find(String reference) {
        return submissions.findByReference(reference);
    }

    @Transactional(readOnly = true)
    public Optional<SubmissionRecord> find(long id) {
        return submissions.findById(id);
    }

    /** Whether the access code belongs to the reference (constant-time comparison of hashes). */
    @Transactional(readOnly = true)
    public boolean accessCodeMatches(String reference, String accessCode) {
        String expected = submissions.accessCodeHash(reference).orElse(hash("no-such-reference"));
        String given = hash(accessCode == null ? "" : accessCode.trim().toUpperCase());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))
                && submissions.accessCodeHash(reference).isPresent();
    }

    /** A produced document ("pdf", "json", "xml"), once the outbox has made it. */
    @Transactional(readOnly = true)
    public Optional<byte[]> document(String reference, String kind) {
        return submissions.findByReference(reference).flatMap(s -> submissions.document(s.id(), kind));
    }

    /**
     * The submission's JSON document: the stored one (identical to the one in the PDF) or, while the outbox is
     * still producing it, made the same way. Empty for an unknown reference and for a tombstone.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> jsonDocument(String reference) {
        Optional<SubmissionRecord> found = submissions.findByReference(reference).filter(s -> !s.deleted());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SubmissionRecord submission = found.get();
        Optional<byte[]> stored = submissions.document(submission.id(), "json");
        if (stored.isPresent()) {
            return stored;
        }
        PublishedForm form = forms.published(submission.formKey(), submission.formVersion()).orElseThrow(
                () -> new IllegalStateException("form version of " + reference + " is missing"));
        try {
            return Optional.of(DocumentProduction.json(form, submission));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON of " + reference, e);
        }
    }

    @Transactional(readOnly = true)
    public List<StoredAttachment> attachmentsOf(String reference) {
        return submissions.findByReference(reference).map(s -> attachments.ofSubmission(s.id())).orElse(List.of());
    }

    /** One page of submissions after {@code afterId} (cursor paging in id order). */
    @Transactional(readOnly = true)
    public List<SubmissionRecord> list(String formKey, SubmissionStatus status, OffsetDateTime since,
                                       Boolean acknowledged, long afterId, int limit) {
        return submissions.list(formKey, status, since, acknowledged, afterId, limit);
    }

    /** Marks the submission as received by a downstream system (idempotent). */
    @Transactional
    public SubmissionRecord acknowledge(String reference) {
        submissions.acknowledge(reference, OffsetDateTime.now(clock));
        return submissions.findByReference(reference).orElseThrow();
    }

    private SubmissionReceipt replay(SubmissionRepository.Existing existing, String requestHash) {
        if (!existing.requestHash().equals(requestHash)) {
            throw new IdempotencyConflictException();
        }
        SubmissionRecord s = existing.submission();
        return new SubmissionReceipt(s.reference(), null, s.formKey(), s.formVersion(), s.submittedAt(), true);
    }

    /**
     * Replaces every file answer by the stored upload it names (the server's name, size, type and hash count,
     * not the client's) and reports ids that are unknown, of another form or already used.
     */
    private Map<UUID, StoredAttachment> resolveFiles(FormDefinition definition, ObjectNode data, List<DataError> errors) {
        Map<String, ArrayNode> answers = new LinkedHashMap<>();
        Map<String, FileElement> elements = new LinkedHashMap<>();
        collectFileAnswers(pagesElements(definition), data, "", answers, elements);
        List<UUID> ids = new ArrayList<>();
        answers.values().forEach(a -> a.forEach(f -> parseId(f).ifPresent(ids::add)));
        Map<UUID, StoredAttachment> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            attachments.findBindable(definition.key(), ids, null).forEach(a -> found.put(a.id(), a));
        }
        answers.forEach((path, array) -> {
            for (int i = 0; i < array.size(); i++) {
                Optional<UUID> id = parseId(array.get(i));
                StoredAttachment stored = id.map(found::get).orElse(null);
                if (stored == null) {
                    LocalizedText label = elements.get(path).label();
                    errors.add(new DataError(path + "[" + i + "]", DataErrorCode.UNKNOWN_FILE, LocalizedText.of(
                            "Die Datei für „" + label.get("de") + "“ wurde nicht gefunden. Laden Sie sie erneut hoch.",
                            "The file for “" + label.get("en") + "” was not found. Upload it again.")));
                } else {
                    array.set(i, DefinitionJson.mapper().createObjectNode()
                            .put("id", stored.id().toString()).put("name", stored.name()).put("size", stored.size())
                            .put("mediaType", stored.mediaType()).put("sha256", stored.sha256()));
                }
            }
        });
        return found;
    }

    private static List<Element> pagesElements(FormDefinition definition) {
        List<Element> all = new ArrayList<>();
        for (Page page : definition.pages()) {
            all.addAll(page.elements());
        }
        return all;
    }

    private static void collectFileAnswers(List<Element> elements, JsonNode data, String prefix,
                                           Map<String, ArrayNode> answers, Map<String, FileElement> byPath) {
        for (Element element : elements) {
            if (element instanceof SectionElement section) {
                collectFileAnswers(section.elements(), data, prefix, answers, byPath);
            } else if (element instanceof FileElement file && data.path(file.key()).isArray()) {
                answers.put(prefix + file.key(), (ArrayNode) data.get(file.key()));
                byPath.put(prefix + file.key(), file);
            } else if (element instanceof GroupElement group && data.path(group.key()).isArray()) {
                JsonNode items = data.get(group.key());
                for (int i = 0; i < items.size(); i++) {
                    collectFileAnswers(group.elements(), items.get(i), prefix + group.key() + "[" + i + "].",
                            answers, byPath);
                }
            }
        }
    }

    private static List<UUID> usedFileIds(FormDefinition definition, JsonNode cleaned) {
        Map<String, ArrayNode> answers = new LinkedHashMap<>();
        collectFileAnswers(pagesElements(definition), cleaned, "", answers, new LinkedHashMap<>());
        List<UUID> ids = new ArrayList<>();
        answers.values().forEach(a -> a.forEach(f -> parseId(f).ifPresent(ids::add)));
        return ids;
    }

    private static Optional<UUID> parseId(JsonNode file) {
        try {
            return Optional.of(UUID.fromString(file.path("id").asText("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String accessCode() {
        StringBuilder code = new StringBuilder(ACCESS_CODE_LENGTH);
        for (int i = 0; i < ACCESS_CODE_LENGTH; i++) {
            code.append(ACCESS_CODE_ALPHABET.charAt(random.nextInt(ACCESS_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * SHA-256 of the form key, a line feed and the data's JSON in UTF-8; the JSON is streamed into the digest
     * (no copy of a large answer as a string and again as bytes).
     */
    static String requestHash(String formKey, JsonNode data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((formKey + "\n").getBytes(StandardCharsets.UTF_8));
            // through a Writer: the same characters as writeValueAsString (a byte stream would escape emoji
            // as surrogate pairs, and keys stored by earlier releases would no longer replay)
            try (Writer out = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                    StandardCharsets.UTF_8)) {
                DefinitionJson.mapper().writeValue(out, data);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String hashBytes(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
