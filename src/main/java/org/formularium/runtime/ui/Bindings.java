package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.shared.HasValidationProperties;
import org.formularium.definition.model.InputElement;

/** Common bindings and set-up of labelled Vaadin fields. */
final class Bindings {

    private Bindings() {
    }

    /** A field with its own label, helper text and error message (text fields, date pickers, groups). */
    static <C extends Component & HasLabel & HasValidationProperties> FieldBinding labelled(
            String path, C field, String label, RenderContext context) {
        return new FieldBinding(path, field) {
            @Override
            void setRequired(boolean required) {
                field.setLabel(context.label(label, required));
            }

            @Override
            void showError(String subPath, String message) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }

            @Override
            void clearErrors() {
                field.setInvalid(false);
                field.setErrorMessage(null);
            }
        };
    }

    /** Id, label (required marker from the definition's static {@code required}), language and hint. */
    static <C extends Component & HasLabel & HasValidationProperties & HasHelper> void setUp(
            C field, InputElement element, String path, RenderContext context) {
        field.setId(RenderContext.fieldId(path));
        field.setLabel(context.label(context.text(element.label()), element.requiredOrFalse()));
        context.markLanguage(field, element.label());
        if (element.hint() != null) {
            field.setHelperText(context.text(element.hint()));
        }
    }

    /** Stores an answer in the scope (removes it when empty). */
    static void write(ObjectNode scope, String key, JsonNode value) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
                || (value.isArray() && value.isEmpty())) {
            scope.remove(key);
        } else {
            scope.set(key, value);
        }
    }
}
