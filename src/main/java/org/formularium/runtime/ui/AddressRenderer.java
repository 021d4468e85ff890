package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.definition.model.AddressElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A postal address: a {@code <fieldset>} whose {@code <legend>} is the label, one labelled input per part
 * (street, house number, postcode, town, and the country when more than one is allowed) with autocomplete tokens.
 */
final class AddressRenderer implements FieldRenderer<AddressElement> {

    private static final Map<String, String> AUTOCOMPLETE = Map.of(
            "street", "address-line1", "postalCode", "postal-code", "city", "address-level2", "country", "country");

    @Override
    public Component render(AddressElement element, Scope scope, RenderContext context) {
        String path = scope.path(element.key());
        String legendText = context.text(element.label());
        FieldSet fieldSet = new FieldSet(context.label(legendText, element.requiredOrFalse()));
        fieldSet.setId(RenderContext.fieldId(path));
        fieldSet.addClassName("address");
        context.markLanguage(fieldSet, element.label());
        Paragraph hint = new Paragraph(element.hint() == null ? "" : context.text(element.hint()));
        hint.addClassName("field-hint");
        hint.setId(RenderContext.fieldId(path) + "-hint");
        hint.setVisible(element.hint() != null);
        Paragraph error = new Paragraph();
        error.addClassName("field-error");
        error.setId(RenderContext.fieldId(path) + "-error");
        error.setVisible(false);

        Map<String, Component> parts = new LinkedHashMap<>();
        Select<String> country = element.countriesOrDefault().size() > 1 ? country(path, scope, element, context) : null;
        Supplier<String> chosenCountry = country == null ? () -> null : country::getValue;
        for (String part : List.of("street", "houseNumber", "postalCode", "city")) {
            parts.put(part, text(part, path, scope, element, context, chosenCountry));
        }
        if (country != null) {
            parts.put("country", country);
        }
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        parts.values().forEach(layout::add);
        fieldSet.add(hint, error, layout);
        describe(fieldSet, hint, error, element.hint() != null, false);

        context.register(new FieldBinding(path, fieldSet) {
            @Override
            void setRequired(boolean required) {
                fieldSet.setLegendText(context.label(legendText, required));
                parts.forEach((part, component) -> {
                    boolean partRequired = required && (!"houseNumber".equals(part) || element.requireHouseNumberOrTrue());
                    ((HasLabel) component).setLabel(context.label(partLabel(part, context), partRequired));
                });
            }

            @Override
            void showError(String subPath, String message) {
                Component part = parts.get(subPath);
                if (part instanceof HasValidationProperties field) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                } else {
                    error.setText(message);
                    error.setVisible(true);
                    describe(fieldSet, hint, error, element.hint() != null, true);
                }
            }

            @Override
            void clearErrors() {
                parts.values().forEach(c -> {
                    ((HasValidationProperties) c).setInvalid(false);
                    ((HasValidationProperties) c).setErrorMessage(null);
                });
                error.setVisible(false);
                describe(fieldSet, hint, error, element.hint() != null, false);
            }

            @Override
            String focusId(String subPath) {
                Component part = parts.getOrDefault(subPath, parts.get("street"));
                return part.getId().orElse(null);
            }
        });
        return fieldSet;
    }

    private static void describe(FieldSet fieldSet, Paragraph hint, Paragraph error, boolean withHint, boolean withError) {
        String ids = ((withHint ? hint.getId().orElse("") : "") + " " + (withError ? error.getId().orElse("") : "")).strip();
        if (ids.isEmpty()) {
            fieldSet.getElement().removeAttribute("aria-describedby");
        } else {
            fieldSet.getElement().setAttribute("aria-describedby", ids);
        }
    }

    private static String partLabel(String part, RenderContext context) {
        return switch (part) {
            case "street" -> context.getTranslation("form.address.street");
            case "houseNumber" -> context.getTranslation("form.address.houseNumber");
            case "postalCode" -> context.getTranslation("form.address.postalCode");
            case "city" -> context.getTranslation("form.address.city");
            default -> context.getTranslation("form.address.country");
        };
    }

    private static ObjectNode address(Scope scope, AddressElement element) {
        JsonNode existing = scope.data().get(element.key());
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static void store(Scope scope, AddressElement element, String part, String value, Supplier<String> country) {
        ObjectNode address = address(scope, element);
        if (part != null) {
            if (value == null || value.isBlank()) {
                address.remove(part);
            } else {
                address.put(part, value);
            }
        }
        boolean empty = List.of("street", "houseNumber", "postalCode", "city").stream().noneMatch(address::has);
        if (empty) {
            scope.data().remove(element.key());
        } else {
            if (country.get() != null) {
                address.put("country", country.get());
            }
            scope.data().set(element.key(), address);
        }
    }

    private static Component text(String part, String path, Scope scope, AddressElement element, RenderContext context,
                                  Supplier<String> country) {
        TextField field = new TextField();
        field.setManualValidation(true);
        field.setId(RenderContext.fieldId(path + "." + part));
        boolean required = element.requiredOrFalse() && (!"houseNumber".equals(part) || element.requireHouseNumberOrTrue());
        field.setLabel(context.label(partLabel(part, context), required));
        field.setWidthFull();
        if (AUTOCOMPLETE.containsKey(part)) {
            field.getElement().setAttribute("autocomplete", AUTOCOMPLETE.get(part));
        }
        JsonNode value = address(scope, element).get(part);
        field.setValue(value == null ? "" : value.asText());
        field.setReadOnly(element.readOnlyOrFalse());
        field.addValueChangeListener(event -> {
            store(scope, element, part, event.getValue(), country);
            context.changed(path);
        });
        return field;
    }

    private static Select<String> country(String path, Scope scope, AddressElement element, RenderContext context) {
        Select<String> select = new Select<>();
        select.setManualValidation(true);
        select.setId(RenderContext.fieldId(path + ".country"));
        select.setLabel(context.label(partLabel("country", context), element.requiredOrFalse()));
        select.setItems(element.countriesOrDefault());
        Locale display = "en".equals(context.locale().getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        select.setItemLabelGenerator(code -> new Locale("", code).getDisplayCountry(display));
        JsonNode value = address(scope, element).get("country");
        select.setValue(value == null ? element.countriesOrDefault().get(0) : value.asText());
        select.addValueChangeListener(event -> {
            store(scope, element, null, null, select::getValue);
            context.changed(path);
        });
        return select;
    }
}
