package org.formularium.builder.ui.editor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.Locale;
import org.formularium.definition.evaluation.DataEvaluator;
import org.formularium.definition.evaluation.Evaluation;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.Page;
import org.formularium.runtime.ui.FileUploads;
import org.formularium.runtime.ui.FormRenderer;
import org.formularium.submission.AttachmentRejectedException;

/**
 * The live preview: the citizen's renderer on one page of the draft, in a chosen language. Answers entered here
 * drive the logic (visibility, requiredness, computed values) through the data evaluator; "check" shows the
 * errors the citizen would see. Nothing is stored; uploads are refused.
 */
class PreviewDialog extends Dialog {

    private static final FileUploads NO_UPLOADS = (element, name, content) -> {
        throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED, LocalizedText.of(
                "In der Vorschau werden keine Dateien hochgeladen.", "Files are not uploaded in the preview."));
    };

    private final FormDefinition definition;
    private final LocalDate today;
    private final ObjectNode data = JsonNodeFactory.instance.objectNode();
    private final Select<String> language = new Select<>();
    private final Select<Page> page = new Select<>();
    private final Div content = new Div();
    private final Paragraph status = new Paragraph();
    private FormRenderer renderer;

    PreviewDialog(FormDefinition definition, Locale locale, LocalDate today) {
        this.definition = definition;
        this.today = today;
        setId("preview");
        String title = getTranslation("editor.preview.title", definition.title().get(locale));
        setHeaderTitle(title);
        getElement().setAttribute("aria-label", title);
        setWidth("min(60rem, 95vw)");

        language.setId("preview-language");
        language.setLabel(getTranslation("editor.preview.language"));
        language.setItems(definition.languages());
        language.setItemLabelGenerator(l -> getTranslation(EditorTexts.LANGUAGE + l));
        language.setValue(definition.languages().contains(locale.getLanguage()) ? locale.getLanguage() : "de");
        language.addValueChangeListener(e -> render());

        page.setId("preview-page");
        page.setLabel(getTranslation("editor.preview.page"));
        page.setItems(definition.pages());
        page.setItemLabelGenerator(p -> p.title().get(language.getValue()));
        page.setValue(definition.pages().get(0));
        page.addValueChangeListener(e -> render());

        Button check = new Button(getTranslation("editor.preview.check"), e -> check());
        check.setId("preview-check");
        status.setId("preview-status");
        status.getElement().setAttribute("role", "status");
        Div controls = new Div(language, page);
        controls.addClassName("preview-controls");
        content.addClassName("preview-content");
        content.getElement().setAttribute("lang", language.getValue());
        add(controls, content, check, status);

        Button close = new Button(getTranslation("editor.preview.close"), e -> close());
        close.setId("preview-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        render();
    }

    private Evaluation evaluate() {
        return DataEvaluator.evaluate(definition, data, today);
    }

    private void render() {
        if (page.getValue() == null || language.getValue() == null) {
            return;
        }
        renderer = new FormRenderer(definition, Locale.forLanguageTag(language.getValue()), NO_UPLOADS);
        content.removeAll();
        content.getElement().setAttribute("lang", language.getValue());
        content.add(renderer.render(page.getValue(), data));
        FormRenderer current = renderer;
        renderer.addChangeListener(path -> current.apply(evaluate()));
        renderer.apply(evaluate());
        status.setText("");
    }

    private void check() {
        Evaluation result = DataEvaluator.evaluatePage(definition, data, page.getValue().key(), today);
        renderer.apply(result);
        renderer.showErrors(result.errors());
        status.setText(result.errors().isEmpty() ? getTranslation("editor.preview.valid")
                : getTranslation("editor.preview.errors", result.errors().size()));
    }
}
