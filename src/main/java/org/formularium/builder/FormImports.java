package org.formularium.builder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.DefinitionParser;
import org.formularium.definition.ParseResult;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.validation.DefinitionProblem;
import org.formularium.definition.validation.DefinitionProblemCode;
import org.formularium.fim.FimImportResult;
import org.formularium.fim.ReportEntry;
import org.formularium.fim.XDatenfelderImporter;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the designers' form list does besides listing: new empty forms, definition files and FIM schemas
 * turned into drafts. Refusals come back as values (problems, an existing key), never half-stored forms.
 */
@Service
public class FormImports {

    /** Largest definition file accepted (the format's own limit). */
    public static final long MAX_DEFINITION_BYTES = DefinitionJson.MAX_DOCUMENT_LENGTH;

    private final FormService forms;
    private final XDatenfelderImporter fim;

    FormImports(FormService forms, XDatenfelderImporter fim) {
        this.forms = forms;
        this.fim = fim;
    }

    /**
     * A new form whose draft has one empty page (valid: the designer adds elements in the editor).
     *
     * @param titleEn the English title, or blank for a German-only form
     * @throws org.formularium.definition.store.FormKeyTakenException when the key is taken
     */
    public FormVersionInfo createEmpty(String key, String titleDe, String titleEn, String user) {
        return forms.create(emptyDefinition(key, titleDe, titleEn), user, false);
    }

    /** The definition of a new form: languages, title and one page without elements. */
    public static JsonNode emptyDefinition(String key, String titleDe, String titleEn) {
        boolean english = titleEn != null && !titleEn.isBlank();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("schemaVersion", FormDefinition.SCHEMA_VERSION).put("key", key);
        root.set("languages", english ? f.arrayNode().add("de").add("en") : f.arrayNode().add("de"));
        root.set("title", text(titleDe.strip(), english ? titleEn.strip() : null));
        ObjectNode page = f.objectNode().put("key", "seite_1");
        page.set("title", text("Seite 1", english ? "Page 1" : null));
        page.set("elements", f.arrayNode());
        root.set("pages", f.arrayNode().add(page));
        return root;
    }

    private static ObjectNode text(String de, String en) {
        ObjectNode text = JsonNodeFactory.instance.objectNode().put("de", de);
        if (en != null) {
            text.put("en", en);
        }
        return text;
    }

    /** The outcome of reading a definition file. */
    public sealed interface DefinitionImport {
    }

    /** The file is not a valid definition; nothing was stored. */
    public record Refused(List<DefinitionProblem> problems) implements DefinitionImport {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** A form with the file's key exists; ask before storing the file as its new draft. */
    public record KeyExists(String key, boolean hasDraft) implements DefinitionImport {
    }

    /** Stored as the draft of a new form, or as the new draft of the existing form. */
    public record Imported(FormVersionInfo draft, boolean newForm) implements DefinitionImport {
    }

    /**
     * Reads a definition file (UTF-8 JSON). A valid file becomes a new form's draft; when a form with its key
     * exists, it becomes that form's draft only if {@code replaceExisting} (else {@link KeyExists}).
     */
    public DefinitionImport importDefinition(byte[] file, boolean replaceExisting, String user) {
        if (file.length > MAX_DEFINITION_BYTES) {
            return new Refused(List.of(new DefinitionProblem("", DefinitionProblemCode.INVALID_JSON,
                    "The file is larger than " + MAX_DEFINITION_BYTES + " bytes.")));
        }
        JsonNode tree;
        try {
            tree = DefinitionJson.mapper().readTree(new String(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return new Refused(DefinitionParser.parse(new String(file, StandardCharsets.UTF_8)).problems());
        }
        ParseResult parsed = tree == null ? DefinitionParser.parse("") : DefinitionParser.parse(tree);
        if (!parsed.isValid()) {
            return new Refused(parsed.problems());
        }
        String key = parsed.definition().key();
        if (forms.exists(key)) {
            if (!replaceExisting) {
                return new KeyExists(key, forms.draft(key).isPresent());
            }
            return new Imported(forms.saveDraft(key, tree, null, user).draft(), false);
        }
        forms.create(tree, user, false);
        return new Imported(forms.draft(key).orElseThrow(), true);
    }

    /**
     * A FIM schema imported as the draft of a new form (a taken key gets a numbered suffix).
     *
     * @param codeLists genericode files by file name; may be empty
     * @throws org.formularium.fim.FimImportException when the file cannot be imported
     */
    public FimDraft importFim(byte[] schema, Map<String, byte[]> codeLists, String user) {
        FimImportResult result = fim.importSchema(schema, codeLists);
        FormService.DraftSaved saved = forms.createDraft(DefinitionJson.toTree(result.draft()), user);
        return new FimDraft(saved.draft(), result.report(), saved.problems());
    }

    /**
     * A FIM import stored as a draft.
     *
     * @param report   every mapping decision of the importer
     * @param problems what the validator still finds in the draft (these block publishing)
     */
    public record FimDraft(FormVersionInfo draft, List<ReportEntry> report, List<DefinitionProblem> problems) {
        public FimDraft {
            report = List.copyOf(report);
            problems = List.copyOf(problems);
        }
    }
}
