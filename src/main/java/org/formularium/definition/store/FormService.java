package org.formularium.definition.store;

import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionParser;
import org.formularium.definition.ParseResult;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.validation.DefinitionProblem;
import org.formularium.definition.validation.DefinitionProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Forms and their versions. A form has at most one DRAFT (editable, may be invalid while a designer works
 * on it) and any number of PUBLISHED versions, which never change. Publishing validates the draft and makes
 * it version n+1; the next edit opens a new draft. Concurrent saves of one draft: the second is refused
 * with {@link DraftConflictException}, never lost silently.
 */
@Service
public class FormService {

    private static final Pattern FORM_KEY = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    private final FormRepository repository;
    private final Clock clock;
    /** Published versions never change, so their parsed form can be kept. */
    private final Map<String, PublishedForm> publishedCache = new ConcurrentHashMap<>();

    private final LatestVersionCache latestNumbers;

    private final AuditService audit;

    FormService(FormRepository repository, Clock clock, AuditService audit,
                @Value("${formularium.forms.latest-version-cache:PT2S}")
                Duration latestVersionCache) {
        this.audit = audit;
        this.repository = repository;
        this.clock = clock;
        this.latestNumbers = new LatestVersionCache(latestVersionCache);
    }

    /** Validates a definition without storing it. */
    public List<DefinitionProblem> validate(JsonNode definition) {
        return DefinitionParser.parse(definition).problems();
    }

    /**
     * Creates a form from a definition; its first version is a draft (or published at once when
     * {@code publish} is true). The definition must be valid.
     */
    @Transactional
    public FormVersionInfo create(JsonNode definition, String user, boolean publish) {
        FormDefinition parsed = parseOrThrow(definition);
        OffsetDateTime now = now();
        long formId = repository.insertForm(parsed.key(), user, now);
        latestNumbers.forget(parsed.key());
        repository.insertVersion(formId, 1, publish ? VersionStatus.PUBLISHED : VersionStatus.DRAFT, definition, user, now);
        return repository.version(parsed.key(), 1).orElseThrow();
    }

    /**
     * Creates a form whose first version is a draft that may still have problems (e.g. an import that
     * needs the designer's work). Only the key must be valid; a taken key gets a numbered suffix.
     *
     * @return the stored draft and its problems
     */
    @Transactional
    public DraftSaved createDraft(JsonNode definition, String user) {
        if (!(definition instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
            throw new InvalidDefinitionException(validate(definition));
        }
        String base = object.path("key").asText("");
        if (!isValidFormKey(base)) {
            throw new InvalidDefinitionException(validate(definition));
        }
        String key = base;
        for (int n = 2; repository.formId(key).isPresent(); n++) {
            String suffix = "-" + n;
            key = base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix;
        }
        com.fasterxml.jackson.databind.node.ObjectNode stored = object.deepCopy();
        stored.put("key", key);
        OffsetDateTime now = now();
        long formId = repository.insertForm(key, user, now);
        repository.insertVersion(formId, 1, VersionStatus.DRAFT, stored, user, now);
        return new DraftSaved(repository.draft(key).orElseThrow(), validate(stored));
    }

    /**
     * Stores the draft of a form (opening one from the newest version if none is open). The definition may
     * have problems — they are returned, not refused — but its key must be the form's key.
     *
     * @param expectedLock the lock version of the draft the designer loaded; {@code null} saves
     *                     unconditionally (opens a new draft if none is open, else replaces it)
     * @throws DraftConflictException when the draft changed (or was published) since it was loaded
     */
    @Transactional
    public DraftSaved saveDraft(String formKey, JsonNode definition, Integer expectedLock, String user) {
        long formId = repository.lockForm(formKey).orElseThrow(() -> notFound(formKey));
        List<DefinitionProblem> problems = new ArrayList<>(validate(definition));
        String key = definition.path("key").asText(null);
        if (key != null && !key.equals(formKey)) {
            problems.add(new DefinitionProblem("key", DefinitionProblemCode.INVALID_VALUE,
                    "The key of a form cannot change: it is '" + formKey + "'"));
            throw new InvalidDefinitionException(problems);
        }
        OffsetDateTime now = now();
        Optional<FormVersionInfo> draft = repository.draft(formKey);
        if (draft.isEmpty()) {
            if (expectedLock != null) {
                // the draft this designer was editing has been published meanwhile: reload first
                throw new DraftConflictException(null);
            }
            repository.insertVersion(formId, repository.maxNumber(formId) + 1, VersionStatus.DRAFT, definition, user, now);
        } else {
            int lock = expectedLock == null ? draft.get().lockVersion() : expectedLock;
            if (repository.updateDraft(formId, definition, lock, user, now).isEmpty()) {
                throw new DraftConflictException(draft.get());
            }
        }
        repository.touchForm(formId, user, now);
        FormVersionInfo saved = repository.draft(formKey).orElseThrow();
        return new DraftSaved(saved, problems);
    }

    /**
     * Publishes the open draft as the next immutable version.
     *
     * @param expectedLock the lock version the designer saw, or {@code null} for "whatever is there now"
     * @throws InvalidDefinitionException with every problem when the draft is not valid
     */
    @Transactional
    public FormVersionInfo publish(String formKey, Integer expectedLock, String user) {
        long formId = repository.lockForm(formKey).orElseThrow(() -> notFound(formKey));
        FormVersionInfo draft = repository.draft(formKey)
                .orElseThrow(() -> new FormNotFoundException("Form '" + formKey + "' has no draft to publish"));
        parseOrThrow(draft.definition());
        int lock = expectedLock == null ? draft.lockVersion() : expectedLock;
        OffsetDateTime now = now();
        latestNumbers.forget(formKey);
        if (!repository.publishDraft(formId, lock, user, now)) {
            throw new DraftConflictException(repository.draft(formKey).orElse(null));
        }
        repository.touchForm(formId, user, now);
        audit.record(AuditAction.PUBLISH, AuditTarget.FORM, formKey, Map.of("version", draft.number()));
        return repository.version(formKey, draft.number()).orElseThrow();
    }

    /**
     * Creates a new form whose first version is a draft with the content of another form: its open draft, else
     * its newest version. Only the key changes.
     *
     * @throws FormKeyTakenException when a form with {@code newKey} exists
     * @throws IllegalArgumentException when {@code newKey} is not a valid form key
     */
    @Transactional
    public FormVersionInfo duplicate(String sourceKey, String newKey, String user) {
        if (!isValidFormKey(newKey)) {
            throw new IllegalArgumentException("Not a valid form key: '" + newKey + "'");
        }
        FormVersionInfo source = repository.draft(sourceKey)
                .or(() -> repository.versions(sourceKey).stream().findFirst())
                .orElseThrow(() -> notFound(sourceKey));
        ObjectNode copy = source.definition().deepCopy();
        copy.put("key", newKey);
        OffsetDateTime now = now();
        long formId = repository.insertForm(newKey, user, now);
        repository.insertVersion(formId, 1, VersionStatus.DRAFT, copy, user, now);
        return repository.draft(newKey).orElseThrow();
    }

    /** Whether a text is a valid form key: 2 to 63 lower-case letters, digits or hyphens, starting with a letter. */
    public static boolean isValidFormKey(String key) {
        return key != null && FORM_KEY.matcher(key).matches();
    }

    /** Opens a draft whose content is that of an older version (restore). */
    @Transactional
    public DraftSaved restoreAsDraft(String formKey, int number, Integer expectedLock, String user) {
        FormVersionInfo old = repository.version(formKey, number)
                .orElseThrow(() -> new FormNotFoundException("Form '" + formKey + "' has no version " + number));
        return saveDraft(formKey, old.definition(), expectedLock, user);
    }

    @Transactional
    public void archive(String formKey, String user) {
        long formId = repository.lockForm(formKey).orElseThrow(() -> notFound(formKey));
        latestNumbers.forget(formKey);
        repository.setFormStatus(formId, FormStatus.ARCHIVED, user, now());
        audit.record(AuditAction.ARCHIVE, AuditTarget.FORM, formKey);
    }

    @Transactional
    public void reactivate(String formKey, String user) {
        long formId = repository.lockForm(formKey).orElseThrow(() -> notFound(formKey));
        latestNumbers.forget(formKey);
        repository.setFormStatus(formId, FormStatus.ACTIVE, user, now());
        audit.record(AuditAction.CHANGE, AuditTarget.FORM, formKey, Map.of("status", FormStatus.ACTIVE.name()));
    }

    /** The newest published version of an active form, parsed. */
    @Transactional(readOnly = true)
    public Optional<PublishedForm> latestPublished(String formKey) {
        // published versions never change: only the number is looked up, the parsed definition is cached
        return latestNumbers.get(formKey, () -> repository.latestPublishedNumber(formKey))
                .flatMap(number -> published(formKey, number));
    }

    /** A published (or archived) version, parsed; drafts are not returned. */
    @Transactional(readOnly = true)
    public Optional<PublishedForm> published(String formKey, int number) {
        PublishedForm cached = publishedCache.get(formKey + "#" + number);
        if (cached != null) {
            return Optional.of(cached);
        }
        return repository.version(formKey, number).filter(v -> v.status() != VersionStatus.DRAFT).map(this::toPublished);
    }

    @Transactional(readOnly = true)
    public Optional<FormVersionInfo> version(String formKey, int number) {
        return repository.version(formKey, number);
    }

    @Transactional(readOnly = true)
    public Optional<FormVersionInfo> draft(String formKey) {
        return repository.draft(formKey);
    }

    @Transactional(readOnly = true)
    public List<FormVersionInfo> versions(String formKey) {
        return repository.versions(formKey);
    }

    @Transactional(readOnly = true)
    public boolean exists(String formKey) {
        return repository.formId(formKey).isPresent();
    }

    /** Every form (builder). */
    @Transactional(readOnly = true)
    public List<FormSummary> allForms() {
        return repository.summaries(false);
    }

    /** Active forms with at least one published version (catalogue, API). */
    @Transactional(readOnly = true)
    public List<FormSummary> publishedForms() {
        return repository.summaries(true);
    }

    private PublishedForm toPublished(FormVersionInfo version) {
        return publishedCache.computeIfAbsent(version.formKey() + "#" + version.number(), k ->
                new PublishedForm(version.formKey(), version.number(),
                        DefinitionParser.parse(version.definition()).definitionOrThrow(), version.publishedAt()));
    }

    private static FormDefinition parseOrThrow(JsonNode definition) {
        ParseResult result = DefinitionParser.parse(definition);
        if (!result.isValid()) {
            throw new InvalidDefinitionException(result.problems());
        }
        return result.definition();
    }

    private static FormNotFoundException notFound(String formKey) {
        return new FormNotFoundException("No form with the key '" + formKey + "'");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The saved draft and the problems it still has (publishing is refused while there are any). */
    public record DraftSaved(FormVersionInfo draft, List<DefinitionProblem> problems) {
        public DraftSaved {
            problems = List.copyOf(problems);
        }
    }
}
