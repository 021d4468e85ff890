package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.IntegerElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.TextareaElement;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Every single-value text-like type (text, textarea, e-mail, phone, IBAN, number, integer, currency): a text
 * input whose answer is the typed text. Numbers are typed as text too — "12,50" in German, "12.50" in English —
 * and stored with a decimal point, so the evaluator judges them and nothing typed is ever lost.
 */
final class TextInputRenderer<E extends InputElement> implements FieldRenderer<E> {

    enum Kind { TEXT, TEXTAREA, EMAIL, PHONE, IBAN, NUMBER, INTEGER, CURRENCY }

    private final Kind kind;

    TextInputRenderer(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Component render(E element, Scope scope, RenderContext context) {
        String path = scope.path(element.key());
        TextFieldBase<?, String> field = switch (kind) {
            case TEXTAREA -> {
                TextArea area = new TextArea();
                area.setManualValidation(true);
                area.setMinRows(((TextareaElement) element).rows() == null ? 3 : ((TextareaElement) element).rows());
                yield area;
            }
            case EMAIL -> {
                EmailField email = new EmailField();
                email.setManualValidation(true);
                yield email;
            }
            default -> {
                TextField text = new TextField();
                text.setManualValidation(true);
                yield text;
            }
        };
        Bindings.setUp(field, element, path, context);
        field.setWidthFull();
        RenderContext.autocomplete(field, element.autocomplete());
        String suffix = suffix(element, context);
        if (suffix != null) {
            field.setSuffixComponent(new Span(suffix));
        }
        JsonNode initial = element.readOnlyOrFalse() ? element.defaultValue() : scope.data().get(element.key());
        if (initial == null && element.defaultValue() != null) {
            initial = element.defaultValue();
            Bindings.write(scope.data(), element.key(), initial);
        }
        field.setValue(display(initial, context.locale()));
        field.setReadOnly(element.readOnlyOrFalse());
        field.addValueChangeListener(event -> {
            Bindings.write(scope.data(), element.key(), parse(event.getValue(), context.locale()));
            context.changed(path);
        });
        context.register(Bindings.labelled(path, field, context.text(element.label()), context));
        return field;
    }

    private String suffix(E element, RenderContext context) {
        LocalizedText unit = element instanceof NumberElement n ? n.unit()
                : element instanceof IntegerElement i ? i.unit() : null;
        if (unit != null) {
            return context.text(unit);
        }
        if (element instanceof CurrencyElement currency) {
            try {
                return Currency.getInstance(currency.currencyCodeOrDefault()).getSymbol(context.locale());
            } catch (IllegalArgumentException e) {
                return currency.currencyCodeOrDefault();
            }
        }
        return null;
    }

    /** The stored answer as typed text (numbers with the language's decimal separator). */
    String display(JsonNode value, Locale locale) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (isNumeric() && (value.isNumber() || isDecimal(value.asText()))) {
            String plain = new BigDecimal(value.asText()).toPlainString();
            return "de".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** The typed text as answer: numbers in the language's notation become "1234.5"; anything else stays as typed. */
    JsonNode parse(String typed, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (!isNumeric()) {
            return TextNode.valueOf(typed);
        }
        String text = typed.strip().replace("€", "").replace("\u00a0", "").replace(" ", "");
        String normalised = "de".equals(locale.getLanguage())
                ? (text.contains(",") ? text.replace(".", "").replace(',', '.') : text.matches("-?\\d{1,3}(\\.\\d{3})+") ? text.replace(".", "") : text)
                : text.replace(",", "");
        return TextNode.valueOf(isDecimal(normalised) ? normalised : typed.strip());
    }

    private boolean isNumeric() {
        return kind == Kind.NUMBER || kind == Kind.INTEGER || kind == Kind.CURRENCY;
    }

    private static boolean isDecimal(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
