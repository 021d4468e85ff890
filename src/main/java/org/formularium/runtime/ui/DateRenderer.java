package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import org.formularium.definition.model.DateElement;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A date: a date picker in the page's language and format; the answer is {@code YYYY-MM-DD}. */
final class DateRenderer implements FieldRenderer<DateElement> {

    @Override
    public Component render(DateElement element, Scope scope, RenderContext context) {
        String path = scope.path(element.key());
        DatePicker picker = new DatePicker();
        picker.setManualValidation(true);
        picker.setI18n(VaadinTexts.datePicker(context, context.locale()));
        picker.setLocale(context.locale());
        picker.setAutoOpen(false);
        Bindings.setUp(picker, element, path, context);
        String format = context.getTranslation("form.date.format");
        picker.setHelperText(element.hint() == null ? format : context.text(element.hint()) + " " + format);
        picker.setValue(parse(scope.data().get(element.key())));
        picker.setReadOnly(element.readOnlyOrFalse());
        picker.addValueChangeListener(event -> {
            Bindings.write(scope.data(), element.key(),
                    event.getValue() == null ? null : TextNode.valueOf(event.getValue().toString()));
            context.changed(path);
        });
        context.register(Bindings.labelled(path, picker, context.text(element.label()), context));
        return picker;
    }

    private static LocalDate parse(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
