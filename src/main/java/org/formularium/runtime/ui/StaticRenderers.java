package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.definition.DisplayFormat;
import org.formularium.definition.model.ComputedElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.InfoElement;
import org.formularium.definition.model.SectionElement;
import org.formularium.runtime.InfoMarkdown;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Elements without an input of their own: sections, info blocks, computed values (read only), hidden values. */
final class StaticRenderers {

    private StaticRenderers() {
    }

    static final FieldRenderer<SectionElement> SECTION = (element, scope, context) -> {
        Section section = new Section();
        section.addClassName("form-section");
        String path = scope.path(element.key());
        section.setId(RenderContext.fieldId(path));
        H3 title = new H3(context.text(element.title()));
        context.markLanguage(title, element.title());
        section.add(title);
        Div fields = new Div();
        fields.addClassName("fields");
        context.renderAll(element.elements(), scope).forEach(fields::add);
        section.add(fields);
        context.register(new FieldBinding(path, section) {
            @Override
            boolean isContainer() {
                return true;
            }
        });
        return section;
    };

    static final FieldRenderer<InfoElement> INFO = (element, scope, context) -> {
        String path = scope.path(element.key());
        // sanitised HTML (InfoMarkdown) set as the content directly: Vaadin's Html component would parse it again
        Div content = new Div();
        content.addClassName("info-content");
        content.getElement().setProperty("innerHTML", InfoMarkdown.toHtml(context.text(element.content())));
        Div block = new Div(content);
        block.addClassNames("info-block", "warning".equals(element.style()) ? "info-warning" : "info-info");
        block.setId(RenderContext.fieldId(path));
        context.markLanguage(block, element.content());
        context.register(new FieldBinding(path, block) {
            @Override
            boolean isContainer() {
                return true;
            }
        });
        return block;
    };

    static final FieldRenderer<ComputedElement> COMPUTED = (element, scope, context) -> {
        String path = scope.path(element.key());
        TextField field = new TextField();
        field.setManualValidation(true);
        Bindings.setUp(field, element, path, context);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("computed");
        context.register(new FieldBinding(path, field) {
            @Override
            void showComputed(JsonNode value) {
                field.setValue(format(element, value, context));
            }
        });
        return field;
    };

    static final FieldRenderer<HiddenElement> HIDDEN = (element, scope, context) -> null;

    static String format(ComputedElement element, JsonNode value, RenderContext context) {
        if (value == null || value.isNull()) {
            return "";
        }
        return switch (element.formatOrDefault()) {
            case "number" -> value.isNumber() ? DisplayFormat.number(value.decimalValue(), 10, context.locale()) : value.asText();
            case "currency" -> value.isNumber() ? DisplayFormat.currency(value.decimalValue(), "EUR", context.locale()) : value.asText();
            case "date" -> {
                try {
                    yield DisplayFormat.date(LocalDate.parse(value.asText()), context.locale());
                } catch (DateTimeException e) {
                    yield value.asText();
                }
            }
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }
}
