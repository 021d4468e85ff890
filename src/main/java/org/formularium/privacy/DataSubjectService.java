package org.formularium.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.DateElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.EmailElement;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.VersionStatus;
import org.formularium.runtime.Draft;
import org.formularium.runtime.DraftService;
import org.formularium.submission.AttachmentService;
import org.formularium.submission.DeletionReason;
import org.formularium.submission.StoredAttachment;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmissionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Data-subject requests handled by admins: find every submission and draft of a person by the answers a
 * designer marked {@code indexed} (e-mail, name, date of birth, or any value), export them (Art. 15 and 20
 * GDPR: a ZIP with each submission's JSON, PDF, XML and files, the drafts and a manifest) and erase them
 * (Art. 17 GDPR: tombstones "erased on request &lt;id&gt;", drafts deleted). Every request is recorded with
 * the kinds of criteria and a hash of their values, never the values themselves.
 *
 * <p>Matching is exact (jsonb containment on indexed answers; e-mail addresses also in lower case). Per form,
 * every criterion the form has an indexed field for must match; criteria it has no field for are ignored,
 * and a form with none of them is not searched.
 */
@Service
public class DataSubjectService {

    public static final int REQUESTS_SHOWN = 200;

    private final PersonalDataRepository data;
    private final PrivacyLogRepository log;
    private final FormService forms;
    private final SubmissionService submissions;
    private final AttachmentService attachments;
    private final DraftService drafts;
    private final Clock clock;
    private final ObjectMapper json = DefinitionJson.mapper();

    DataSubjectService(PersonalDataRepository data, PrivacyLogRepository log, FormService forms,
                       SubmissionService submissions, AttachmentService attachments, DraftService drafts, Clock clock) {
        this.attachments = attachments;
        this.data = data;
        this.log = log;
        this.forms = forms;
        this.submissions = submissions;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** What identifies the person; blank values are not used. */
    public record Criteria(String email, String name, LocalDate birthDate, String value) {

        public Criteria {
            email = trimToNull(email);
            name = trimToNull(name);
            value = trimToNull(value);
        }

        public boolean isEmpty() {
            return email == null && name == null && birthDate == null && value == null;
        }

        /** The kinds used, e.g. "email,birthDate" (recorded instead of the values). */
        public String kinds() {
            List<String> kinds = new ArrayList<>();
            if (email != null) {
                kinds.add("email");
            }
            if (name != null) {
                kinds.add("name");
            }
            if (birthDate != null) {
                kinds.add("birthDate");
            }
            if (value != null) {
                kinds.add("value");
            }
            return String.join(",", kinds);
        }

        /** SHA-256 of the normalised values: shows later which request was repeated, without the values. */
        public String hash() {
            String normalised = "email=" + lower(email) + "\nname=" + lower(name) + "\nbirthDate=" + birthDate
                    + "\nvalue=" + lower(value);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(normalised.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String lower(String text) {
            return text == null ? "" : text.toLowerCase(Locale.ROOT);
        }

        private static String trimToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** A submission of the person (no answers). */
    public record FoundSubmission(long id, String reference, String formKey, String formTitle, int formVersion,
                                  SubmissionStatus status, OffsetDateTime submittedAt) {
    }

    /** A draft of the person (no answers). */
    public record FoundDraft(long id, String formKey, String formTitle, int formVersion, OffsetDateTime updatedAt,
                             OffsetDateTime expiresAt) {
    }

    /** What a request found (and exported or erased), with the id of its record. */
    public record Findings(long requestId, List<FoundSubmission> submissions, List<FoundDraft> drafts) {

        public List<String> references() {
            return submissions.stream().map(FoundSubmission::reference).toList();
        }
    }

    /** Finds the person's submissions and drafts; recorded as a SEARCH. */
    @Transactional
    public Findings search(Criteria criteria, String admin) {
        Found found = find(criteria);
        long id = record(DataSubjectRequest.Type.SEARCH, criteria, admin, found);
        return found.as(id);
    }

    /**
     * Writes a ZIP of everything found to {@code out}: {@code manifest.json}, per submission its
     * {@code submission.json} (the document the API and the PDF carry), {@code receipt.pdf}, {@code submission.xml}
     * and {@code attachments/}, and per draft {@code drafts/draft-<id>.json}. Recorded as an EXPORT.
     */
    @Transactional
    public Findings export(Criteria criteria, String admin, OutputStream out) {
        Found found = find(criteria);
        long id = record(DataSubjectRequest.Type.EXPORT, criteria, admin, found);
        Findings findings = found.as(id);
        try {
            writeZip(findings, criteria, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /**
     * Erases everything found: submissions become tombstones with the reason "erased on request &lt;id&gt;",
     * drafts are deleted. Recorded as an ERASE with the references.
     */
    @Transactional
    public Findings erase(Criteria criteria, String admin) {
        Found found = find(criteria);
        long id = record(DataSubjectRequest.Type.ERASE, criteria, admin, found);
        OffsetDateTime now = OffsetDateTime.now(clock);
        data.tombstone(found.submissions().stream().map(FoundSubmission::id).toList(), DeletionReason.erasure(id), now);
        data.deleteDrafts(found.drafts().stream().map(FoundDraft::id).toList());
        return found.as(id);
    }

    /** The recorded requests, newest first. */
    @Transactional(readOnly = true)
    public List<DataSubjectRequest> requests() {
        return log.requests(REQUESTS_SHOWN);
    }

    @Transactional(readOnly = true)
    public Optional<DataSubjectRequest> request(long id) {
        return log.request(id);
    }

    /** File name of an export. */
    public static String exportFileName(long requestId) {
        return "auskunft-" + requestId + ".zip";
    }

    private record Found(List<FoundSubmission> submissions, List<FoundDraft> drafts) {
        Findings as(long id) {
            return new Findings(id, submissions, drafts);
        }
    }

    private long record(DataSubjectRequest.Type type, Criteria criteria, String admin, Found found) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("A data-subject request needs at least one criterion");
        }
        return log.insertRequest(type, criteria.kinds(), criteria.hash(), admin, OffsetDateTime.now(clock),
                found.submissions().stream().map(FoundSubmission::reference).toList(), found.drafts().size());
    }

    private Found find(Criteria criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("A data-subject request needs at least one criterion");
        }
        List<FoundSubmission> foundSubmissions = new ArrayList<>();
        List<FoundDraft> foundDrafts = new ArrayList<>();
        for (FormSummary form : forms.allForms()) {
            List<List<String>> groups = containment(criteria, indexedElements(form.key()));
            if (groups.isEmpty()) {
                continue;
            }
            data.findSubmissions(form.key(), groups).forEach(h -> foundSubmissions.add(new FoundSubmission(h.id(),
                    h.reference(), h.formKey(), form.title(), h.formVersion(), SubmissionStatus.valueOf(h.status()),
                    h.submittedAt())));
            data.findDrafts(form.key(), groups).forEach(h -> foundDrafts.add(new FoundDraft(h.id(), h.formKey(),
                    form.title(), h.formVersion(), h.updatedAt(), h.expiresAt())));
        }
        return new Found(List.copyOf(foundSubmissions), List.copyOf(foundDrafts));
    }

    /** Indexed answers at form scope (outside repeating groups) of every published version, by key. */
    private Map<String, Element> indexedElements(String formKey) {
        Map<String, Element> indexed = new LinkedHashMap<>();
        for (FormVersionInfo version : forms.versions(formKey)) {
            if (version.status() == VersionStatus.DRAFT) {
                continue;
            }
            forms.published(formKey, version.number()).ifPresent(form -> form.definition().formScopeElements().stream()
                    .filter(e -> e instanceof InputElement input && input.indexedOrFalse() && !(e instanceof GroupElement))
                    .forEach(e -> indexed.putIfAbsent(e.key(), e)));
        }
        return indexed;
    }

    /** Per usable criterion, the JSON documents of which the answers must contain one. */
    private List<List<String>> containment(Criteria criteria, Map<String, Element> indexed) {
        List<List<String>> groups = new ArrayList<>();
        if (criteria.email() != null) {
            add(groups, indexed, e -> e instanceof EmailElement,
                    List.of(text(criteria.email()), text(criteria.email().toLowerCase(Locale.ROOT))));
        }
        if (criteria.name() != null) {
            add(groups, indexed, e -> e instanceof TextElement, List.of(text(criteria.name())));
        }
        if (criteria.birthDate() != null) {
            add(groups, indexed, e -> e instanceof DateElement, List.of(text(criteria.birthDate().toString())));
        }
        if (criteria.value() != null) {
            List<JsonNode> values = new ArrayList<>(List.of(text(criteria.value())));
            number(criteria.value()).ifPresent(values::add);
            add(groups, indexed, e -> true, values);
        }
        return groups;
    }

    private void add(List<List<String>> groups, Map<String, Element> indexed, Predicate<Element> kind,
                     List<JsonNode> values) {
        Set<String> docs = new LinkedHashSet<>();
        indexed.forEach((key, element) -> {
            if (kind.test(element)) {
                values.forEach(v -> docs.add(json.createObjectNode().set(key, v).toString()));
            }
        });
        if (!docs.isEmpty()) {
            groups.add(List.copyOf(docs));
        }
    }

    private JsonNode text(String value) {
        return json.getNodeFactory().textNode(value);
    }

    private Optional<JsonNode> number(String value) {
        try {
            return Optional.of(json.getNodeFactory().numberNode(new BigDecimal(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writeZip(Findings findings, Criteria criteria, OutputStream out) throws IOException {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("request", findings.requestId());
        manifest.put("createdAt", OffsetDateTime.now(clock).toString());
        manifest.put("criteria", criteria.kinds());
        ArrayNode submissionList = manifest.putArray("submissions");
        ArrayNode draftList = manifest.putArray("drafts");
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (FoundSubmission found : findings.submissions()) {
            String folder = "submissions/" + found.reference() + "/";
            ObjectNode entry = submissionList.addObject().put("reference", found.reference())
                    .put("form", found.formKey()).put("formTitle", found.formTitle()).put("version", found.formVersion())
                    .put("status", found.status().name()).put("submittedAt", found.submittedAt().toString());
            ArrayNode files = entry.putArray("files");
            Optional<byte[]> document = submissions.jsonDocument(found.reference());
            if (document.isPresent()) {
                put(zip, folder + "submission.json", document.get());
                files.add(folder + "submission.json");
            }
            for (String kind : List.of("pdf", "xml")) {
                String name = folder + (kind.equals("pdf") ? "receipt.pdf" : "submission.xml");
                Optional<byte[]> content = submissions.document(found.reference(), kind);
                if (content.isPresent()) {
                    put(zip, name, content.get());
                    files.add(name);
                } else {
                    entry.put(kind, "not yet produced");
                }
            }
            int n = 0;
            for (StoredAttachment attachment : submissions.attachmentsOf(found.reference())) {
                Optional<byte[]> content = attachments.content(attachment.id());
                if (content.isPresent()) {
                    String name = folder + "attachments/" + (++n) + "-" + safeName(attachment.name());
                    put(zip, name, content.get());
                    files.add(name);
                }
            }
        }
        for (FoundDraft found : findings.drafts()) {
            Optional<Draft> draft = drafts.findById(found.id());
            if (draft.isEmpty()) {
                continue;
            }
            String name = "drafts/draft-" + found.id() + ".json";
            ObjectNode document = json.createObjectNode().put("form", found.formKey()).put("version", found.formVersion())
                    .put("updatedAt", found.updatedAt().toString()).put("expiresAt", found.expiresAt().toString());
            document.set("data", draft.get().data());
            put(zip, name, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            draftList.addObject().put("form", found.formKey()).put("version", found.formVersion())
                    .put("updatedAt", found.updatedAt().toString()).put("file", name);
        }
        put(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** A citizen's file name made harmless as a ZIP entry name (no folders, no control characters). */
    static String safeName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        cleaned = cleaned.replaceAll("^\\.+", "_");
        if (cleaned.isEmpty()) {
            cleaned = "datei";
        }
        return cleaned.length() > 100 ? cleaned.substring(cleaned.length() - 100) : cleaned;
    }
}
