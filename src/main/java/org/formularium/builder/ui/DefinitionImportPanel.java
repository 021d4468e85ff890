package org.formularium.builder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.formularium.builder.FormImports;
import org.formularium.definition.store.FormKeyTakenException;

import java.util.function.Consumer;

/**
 * Content of the "import definition" dialog: upload a JSON file; its problems are listed (nothing is stored),
 * an existing key is confirmed before the file becomes that form's new draft, success closes the dialog.
 */
class DefinitionImportPanel extends Div {

    private final Dialog dialog;
    private final FormImports imports;
    private final String user;
    private final Consumer<FormImports.Imported> done;
    final Upload upload;
    /** Problems, refusals and the confirmation question. */
    final Div result = new Div();
    private final Span uploadLabel = new Span();

    DefinitionImportPanel(Dialog dialog, FormImports imports, String user, Consumer<FormImports.Imported> done) {
        this.dialog = dialog;
        this.imports = imports;
        this.user = user;
        this.done = done;
        uploadLabel.setId("definition-upload-label");
        uploadLabel.setText(getTranslation("builder.import.file"));
        uploadLabel.addClassName("field-label");
        Paragraph help = new Paragraph(getTranslation("builder.import.help"));
        help.setId("definition-upload-help");
        upload = BuilderSupport.memoryUpload(this, FormImports.MAX_DEFINITION_BYTES, 1,
                new String[]{"application/json", ".json"}, this::received, this::rejected);
        upload.setId("definition-upload");
        Div group = new Div(uploadLabel, help, upload);
        group.getElement().setAttribute("role", "group");
        group.getElement().setAttribute("aria-labelledby", uploadLabel.getId().orElseThrow());
        group.getElement().setAttribute("aria-describedby", help.getId().orElseThrow());
        result.addClassName("import-result");
        add(group, result);
        dialog.add(this);
        dialog.setWidth("min(48rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("builder.cancel"), e -> dialog.close()));
    }

    void open() {
        dialog.open();
    }

    private void received(String fileName, byte[] bytes) {
        upload.clearFileList();
        attempt(bytes, false);
    }

    private void attempt(byte[] bytes, boolean replaceExisting) {
        try {
            handle(imports.importDefinition(bytes, replaceExisting, user), bytes);
        } catch (FormKeyTakenException e) {
            rejected(getTranslation("builder.error.keyTaken"));
        }
    }

    private void handle(FormImports.DefinitionImport outcome, byte[] bytes) {
        result.removeAll();
        if (outcome instanceof FormImports.Refused refused) {
            Div alert = new Div();
            alert.getElement().setAttribute("role", "alert");
            alert.add(new H3(getTranslation("builder.import.refused", refused.problems().size())));
            result.add(alert, BuilderSupport.problemList(this, refused.problems()));
        } else if (outcome instanceof FormImports.KeyExists exists) {
            Paragraph question = new Paragraph(getTranslation(exists.hasDraft()
                    ? "builder.import.exists.replaceDraft" : "builder.import.exists", exists.key()));
            question.getElement().setAttribute("role", "alert");
            Button confirm = new Button(getTranslation("builder.import.asDraft"), e -> attempt(bytes, true));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setId("import-confirm");
            result.add(question, confirm);
        } else if (outcome instanceof FormImports.Imported imported) {
            dialog.close();
            done.accept(imported);
        }
    }

    private void rejected(String message) {
        upload.clearFileList();
        result.removeAll();
        Paragraph alert = new Paragraph(message);
        alert.getElement().setAttribute("role", "alert");
        result.add(alert);
    }
}
