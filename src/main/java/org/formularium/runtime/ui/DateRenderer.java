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

    /** The text in the picker's input, as the web component keeps it. */
    static final String TYPED_TEXT = "element._inputElementValue";

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
        JsonNode stored = scope.data().get(element.key());
        picker.setValue(parse(stored));
        if (stored != null && stored.isTextual() && parse(stored) == null && !stored.asText().isBlank()) {
            // what the citizen typed but the picker could not read stays visible, with its error
            picker.getElement().executeJs("this._inputElementValue = $0", stored.asText());
        }
        picker.setReadOnly(element.readOnlyOrFalse());
        picker.addValueChangeListener(event -> {
            Bindings.write(scope.data(), element.key(),
                    event.getValue() == null ? null : TextNode.valueOf(event.getValue().toString()));
            context.changed(path);
        });
        // text the picker cannot read is kept as typed: the evaluator then says it is not a valid date
        // (instead of "missing"), and nothing the citizen entered is lost
        picker.getElement().addEventListener("unparsable-change", event -> {
            String typed = event.getEventData().hasKey(TYPED_TEXT) ? event.getEventData().getString(TYPED_TEXT) : "";
            Bindings.write(scope.data(), element.key(), typed.isBlank() ? null : TextNode.valueOf(typed.strip()));
            context.changed(path);
        }).addEventData(TYPED_TEXT);
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
