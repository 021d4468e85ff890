package org.formularium.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.formularium.api.keys.ApiKeyPrincipal;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.fim.FimImportResult;
import org.formularium.fim.XDatenfelderImporter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** FIM: turns an XDatenfelder 2.0 / 3.0.0 schema into a new draft form. */
@RestController
@Tag(name = "Forms")
class FimImportController {

    private final XDatenfelderImporter importer;
    private final FormService forms;

    FimImportController(XDatenfelderImporter importer, FormService forms) {
        this.importer = importer;
        this.forms = forms;
    }

    record ReportItem(String fimId, String level, String message) {
    }

    record ProblemItem(String path, String code, String message) {
    }

    record ImportResult(String key, JsonNode definition, List<ReportItem> report, List<ProblemItem> problems) {
    }

    @PostMapping(value = "/api/v1/forms/import/xdatenfelder",
            consumes = {"application/xml", "text/xml", "application/octet-stream"})
    @PreAuthorize(RequireScope.FORMS_WRITE)
    @Operation(summary = "Import an XDatenfelder 2.0 or 3.0.0 schema as a new draft form (XML as the body)")
    public ResponseEntity<ImportResult> importSchema(@RequestBody byte[] xml,
                                                     @Parameter(hidden = true) @AuthenticationPrincipal ApiKeyPrincipal key) {
        FimImportResult result = importer.importSchema(xml);
        FormService.DraftSaved saved = forms.createDraft(DefinitionJson.toTree(result.draft()), "api:" + key.name());
        List<ReportItem> report = result.report().stream()
                .map(r -> new ReportItem(r.fimId(), r.level().name(), r.message())).toList();
        List<ProblemItem> problems = saved.problems().stream()
                .map(p -> new ProblemItem(p.path(), p.code().name(), p.message())).toList();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/forms/" + saved.draft().formKey())
                .body(new ImportResult(saved.draft().formKey(), saved.draft().definition(), report, problems));
    }

}
