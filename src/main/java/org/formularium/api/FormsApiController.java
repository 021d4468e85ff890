package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.formularium.api.keys.ApiKeyPrincipal;
import org.formularium.definition.schema.SubmissionJsonSchema;
import org.formularium.definition.schema.SubmissionXml;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.PublishedForm;
import org.formularium.definition.store.VersionStatus;
import org.formularium.definition.validation.DefinitionProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Form definitions: list, read, create, save drafts, publish, read versions. */
@RestController
@Tag(name = "Forms")
class FormsApiController {

    private final FormService forms;

    FormsApiController(FormService forms) {
        this.forms = forms;
    }

    record FormListItem(String key, Map<String, String> title, Integer latestVersion) {
    }

    record VersionItem(int number, VersionStatus status, OffsetDateTime publishedAt, String publishedBy,
                       OffsetDateTime updatedAt, String updatedBy) {
    }

    record FormDetail(String key, String status, Map<String, String> title, Integer latestVersion,
                      Integer draftVersion, List<VersionItem> versions, JsonNode definition) {
    }

    record DraftResult(String key, int version, VersionStatus status, int lockVersion, List<ProblemItem> problems) {
    }

    record ProblemItem(String path, String code, String message) {
        static ProblemItem of(DefinitionProblem p) {
            return new ProblemItem(p.path(), p.code().name(), p.message());
        }
    }

    @GetMapping("/api/v1/forms")
    @PreAuthorize(RequireScope.FORMS_READ)
    @Operation(summary = "Published forms with their latest version")
    public List<FormListItem> list() {
        return forms.publishedForms().stream()
                .map(f -> new FormListItem(f.key(), title(f), f.latestPublished())).toList();
    }

    @GetMapping("/api/v1/forms/{key}")
    @PreAuthorize(RequireScope.FORMS_READ)
    @Operation(summary = "A form: its versions and the definition of its latest published version")
    public FormDetail detail(@PathVariable String key) {
        FormSummary summary = forms.allForms().stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> ApiProblemException.notFound("No form with the key '" + key + "'."));
        List<VersionItem> versions = forms.versions(key).stream()
                .map(v -> new VersionItem(v.number(), v.status(), v.publishedAt(), v.publishedBy(), v.updatedAt(),
                        v.updatedBy())).toList();
        JsonNode definition = summary.latestPublished() == null ? null
                : forms.version(key, summary.latestPublished()).map(FormVersionInfo::definition).orElse(null);
        return new FormDetail(key, summary.status().name(), title(summary), summary.latestPublished(),
                summary.draftNumber(), versions, definition);
    }

    @PostMapping("/api/v1/forms")
    @PreAuthorize(RequireScope.FORMS_WRITE)
    @Operation(summary = "Create a form from a definition (a draft, or published at once with ?publish=true)")
    public ResponseEntity<DraftResult> create(@RequestBody JsonNode definition,
                                              @RequestParam(defaultValue = "false") boolean publish,
                                              @Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal key) {
        FormVersionInfo created = forms.create(definition, user(key), publish);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/forms/" + created.formKey())
                .body(new DraftResult(created.formKey(), created.number(), created.status(), created.lockVersion(),
                        List.of()));
    }

    @PutMapping("/api/v1/forms/{key}/draft")
    @PreAuthorize(RequireScope.FORMS_WRITE)
    @Operation(summary = "Save the draft (problems are returned, not refused). If-Match: the lock version you loaded; "
            + "without it the draft is replaced unconditionally")
    public DraftResult saveDraft(@PathVariable String key, @RequestBody JsonNode definition,
                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                 @Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal apiKey) {
        FormService.DraftSaved saved = forms.saveDraft(key, definition, lock(ifMatch), user(apiKey));
        return new DraftResult(key, saved.draft().number(), saved.draft().status(), saved.draft().lockVersion(),
                saved.problems().stream().map(ProblemItem::of).toList());
    }

    @PostMapping("/api/v1/forms/{key}/publish")
    @PreAuthorize(RequireScope.FORMS_WRITE)
    @Operation(summary = "Publish the draft as the next immutable version (422 with every problem when invalid)")
    public DraftResult publish(@PathVariable String key,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                               @Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal apiKey) {
        FormVersionInfo published = forms.publish(key, lock(ifMatch), user(apiKey));
        return new DraftResult(key, published.number(), published.status(), published.lockVersion(), List.of());
    }

    @GetMapping("/api/v1/forms/{key}/versions/{number}")
    @PreAuthorize(RequireScope.FORMS_READ)
    @Operation(summary = "The definition of a published version")
    public JsonNode version(@PathVariable String key, @PathVariable int number) {
        publishedVersion(key, number);
        return forms.version(key, number).orElseThrow().definition();
    }

    @GetMapping(value = "/api/v1/forms/{key}/versions/{number}/schema.json", produces = "application/schema+json")
    @PreAuthorize(RequireScope.FORMS_READ)
    @Operation(summary = "JSON Schema (2020-12) of the submission documents of a published version")
    public JsonNode jsonSchema(@PathVariable String key, @PathVariable int number) {
        PublishedForm form = publishedVersion(key, number);
        return SubmissionJsonSchema.derive(form.definition(), form.version());
    }

    @GetMapping(value = "/api/v1/forms/{key}/versions/{number}/schema.xsd", produces = "application/xml")
    @PreAuthorize(RequireScope.FORMS_READ)
    @Operation(summary = "XML Schema (XSD) of the submission XML of a published version")
    public String xmlSchema(@PathVariable String key, @PathVariable int number) {
        PublishedForm form = publishedVersion(key, number);
        return SubmissionXml.deriveXsd(form.definition(), form.version());
    }

    PublishedForm publishedVersion(String key, int number) {
        return forms.published(key, number).orElseThrow(() ->
                ApiProblemException.notFound("Form '" + key + "' has no published version " + number + "."));
    }

    private static Integer lock(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiProblemException.badRequest("If-Match must be the draft's lock version, e.g. \"3\".");
        }
    }

    private static String user(ApiKeyPrincipal key) {
        return "api:" + key.name();
    }

    private static Map<String, String> title(FormSummary summary) {
        return summary.titleEn() == null ? Map.of("de", summary.title())
                : Map.of("de", summary.title(), "en", summary.titleEn());
    }
}
