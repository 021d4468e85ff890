package org.formularium.builder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import org.formularium.builder.FormImports;
import org.formularium.fim.FimImportException;
import org.formularium.fim.XDatenfelderImporter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Content of the "import from FIM" dialog: the XDatenfelder schema (one XML file) and optional genericode code
 * lists, then "import". A file the importer refuses is named with a translated message and where in the file
 * the problem is; nothing is stored then.
 */
class FimImportPanel extends Div {

    static final String ERROR_PREFIX = "builder.fim.error.";

    private static final String[] XML = {"application/xml", "text/xml", ".xml"};
    private static final int MAX_CODE_LIST_FILES = 50;

    private final Dialog dialog;
    private final FormImports imports;
    private final String user;
    private final Consumer<FormImports.FimDraft> done;
    final Upload schemaUpload;
    final Upload codeListUpload;
    final Button start = new Button();
    /** What was received (role=status). */
    final Div received = new Div();
    /** Refusals (role=alert). */
    final Div error = new Div();
    private byte[] schema;
    private String schemaName;
    private final Map<String, byte[]> codeLists = new LinkedHashMap<>();

    FimImportPanel(Dialog dialog, FormImports imports, String user, Consumer<FormImports.FimDraft> done) {
        this.dialog = dialog;
        this.imports = imports;
        this.user = user;
        this.done = done;
        schemaUpload = BuilderSupport.memoryUpload(this, XDatenfelderImporter.MAX_FILE_BYTES, 1, XML,
                (name, bytes) -> {
                    schema = bytes;
                    schemaName = name;
                    showReceived();
                }, this::rejected);
        schemaUpload.setId("fim-schema-upload");
        codeListUpload = BuilderSupport.memoryUpload(this, XDatenfelderImporter.MAX_CODE_LIST_BYTES,
                MAX_CODE_LIST_FILES, new String[]{"application/xml", "text/xml", ".xml", ".gc"},
                (name, bytes) -> {
                    codeLists.put(name, bytes);
                    showReceived();
                }, this::rejected);
        codeListUpload.setId("fim-codelist-upload");
        received.getElement().setAttribute("role", "status");
        error.getElement().setAttribute("role", "alert");
        error.addClassName("import-error");
        add(new Paragraph(getTranslation("builder.fim.intro")),
                group("fim-schema", getTranslation("builder.fim.schema"), getTranslation("builder.fim.schema.help"), schemaUpload),
                group("fim-codelists", getTranslation("builder.fim.codeLists"), getTranslation("builder.fim.codeLists.help"),
                        codeListUpload),
                received, error);
        start.setText(getTranslation("builder.fim.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("fim-start");
        start.setEnabled(false);
        start.addClickListener(e -> runImport());
        dialog.add(this);
        dialog.setWidth("min(48rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("builder.cancel"), e -> dialog.close()), start);
    }

    private Div group(String id, String label, String help, Upload upload) {
        Span heading = new Span(label);
        heading.setId(id + "-label");
        heading.addClassName("field-label");
        Paragraph hint = new Paragraph(help);
        hint.setId(id + "-help");
        Div group = new Div(heading, hint, upload);
        group.getElement().setAttribute("role", "group");
        group.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        group.getElement().setAttribute("aria-describedby", hint.getId().orElseThrow());
        return group;
    }

    void open() {
        dialog.open();
    }

    private void showReceived() {
        received.removeAll();
        error.removeAll();
        UnorderedList files = new UnorderedList();
        if (schema != null) {
            files.add(new ListItem(getTranslation("builder.fim.received.schema", schemaName)));
        }
        codeLists.keySet().forEach(name -> files.add(new ListItem(getTranslation("builder.fim.received.codeList", name))));
        received.add(files);
        start.setEnabled(schema != null);
    }

    private void rejected(String message) {
        error.removeAll();
        error.add(new Paragraph(message));
    }

    void runImport() {
        if (schema == null) {
            rejected(getTranslation("builder.fim.noSchema"));
            return;
        }
        FormImports.FimDraft result;
        try {
            result = imports.importFim(schema, codeLists, user);
        } catch (FimImportException e) {
            error.removeAll();
            Paragraph meaning = new Paragraph(getTranslation(ERROR_PREFIX + e.code().name()));
            meaning.addClassName("import-error-meaning");
            error.add(meaning);
            if (!e.location().isEmpty()) {
                error.add(new Paragraph(getTranslation("builder.fim.error.location", e.location())));
            }
            Paragraph detail = new Paragraph(getTranslation("builder.fim.error.detail", e.getMessage()));
            detail.getElement().setAttribute("lang", "de");
            error.add(detail);
            return;
        }
        dialog.close();
        done.accept(result);
    }
}
