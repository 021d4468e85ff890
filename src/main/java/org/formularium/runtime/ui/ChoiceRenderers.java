package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.ConsentElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.YesNoElement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Choices (radio, select, checkboxes), yes/no and consent. Groups are named by their label (role radiogroup/group). */
final class ChoiceRenderers {

    private ChoiceRenderers() {
    }

    static final FieldRenderer<ChoiceElement> CHOICE = (element, scope, context) -> {
        String path = scope.path(element.key());
        List<Option> options = context.definition().optionsOf(element);
        Map<String, String> labels = options.stream()
                .collect(Collectors.toMap(Option::value, o -> context.text(o.label()), (a, b) -> a, java.util.LinkedHashMap::new));
        List<String> values = List.copyOf(labels.keySet());
        JsonNode current = scope.data().get(element.key());
        if (element.multiple()) {
            CheckboxGroup<String> group = new CheckboxGroup<>();
            group.setManualValidation(true);
            group.setItems(values);
            group.setItemLabelGenerator(v -> labels.getOrDefault(v, v));
            Bindings.setUp(group, element, path, context);
            Set<String> selected = new LinkedHashSet<>();
            if (current != null && current.isArray()) {
                current.forEach(v -> selected.add(v.asText()));
            }
            group.setValue(selected);
            group.setReadOnly(element.readOnlyOrFalse());
            group.addValueChangeListener(event -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                // keep the order of the options
                values.stream().filter(event.getValue()::contains).forEach(array::add);
                Bindings.write(scope.data(), element.key(), array);
                context.changed(path);
            });
            context.register(Bindings.labelled(path, group, context.text(element.label()), context));
            return group;
        }
        if (ChoiceElement.SELECT.equals(element.display())) {
            Select<String> select = new Select<>();
            select.setManualValidation(true);
            select.setItems(values);
            select.setItemLabelGenerator(v -> v == null ? context.getTranslation("form.select.empty") : labels.getOrDefault(v, v));
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(context.getTranslation("form.select.empty"));
            select.setWidthFull();
            Bindings.setUp(select, element, path, context);
            select.setValue(current != null && labels.containsKey(current.asText()) ? current.asText() : null);
            select.setReadOnly(element.readOnlyOrFalse());
            select.addValueChangeListener(event -> {
                Bindings.write(scope.data(), element.key(), event.getValue() == null ? null : TextNode.valueOf(event.getValue()));
                context.changed(path);
            });
            context.register(Bindings.labelled(path, select, context.text(element.label()), context));
            return select;
        }
        return radios(path, element.key(), values, v -> labels.getOrDefault(v, v), current == null ? null : current.asText(),
                TextNode::valueOf, element, scope, context);
    };

    static final FieldRenderer<YesNoElement> YES_NO = (element, scope, context) -> {
        String path = scope.path(element.key());
        JsonNode current = scope.data().get(element.key());
        return radios(path, element.key(), List.of(Boolean.TRUE, Boolean.FALSE),
                v -> context.getTranslation(v ? "form.yes" : "form.no"),
                current != null && current.isBoolean() ? current.booleanValue() : null,
                BooleanNode::valueOf, element, scope, context);
    };

    private static <T> Component radios(String path, String key, List<T> values, Function<T, String> label, T current,
                                        Function<T, JsonNode> toJson,
                                        org.formularium.definition.model.InputElement element,
                                        FieldRenderer.Scope scope, RenderContext context) {
        RadioButtonGroup<T> group = new RadioButtonGroup<>();
        group.setManualValidation(true);
        group.setItems(values);
        group.setItemLabelGenerator(label::apply);
        Bindings.setUp(group, element, path, context);
        group.setValue(current);
        group.setReadOnly(element.readOnlyOrFalse());
        group.addValueChangeListener(event -> {
            Bindings.write(scope.data(), key, event.getValue() == null ? null : toJson.apply(event.getValue()));
            context.changed(path);
        });
        context.register(Bindings.labelled(path, group, context.text(element.label()), context));
        return group;
    }

    /**
     * Consent: a fieldset named by the label with one checkbox whose label is the statement agreed to. The
     * checkbox carries the error message.
     */
    static final FieldRenderer<ConsentElement> CONSENT = (element, scope, context) -> {
        String path = scope.path(element.key());
        String legendText = context.text(element.label());
        FieldSet fieldSet = new FieldSet(context.label(legendText, element.requiredOrFalse()));
        fieldSet.addClassName("consent");
        context.markLanguage(fieldSet, element.label());
        Checkbox checkbox = new Checkbox(context.text(element.statement()));
        checkbox.setManualValidation(true);
        checkbox.setId(RenderContext.fieldId(path));
        context.markLanguage(checkbox, element.statement());
        JsonNode current = scope.data().get(element.key());
        checkbox.setValue(current != null && current.asBoolean(false));
        checkbox.setReadOnly(element.readOnlyOrFalse());
        checkbox.addValueChangeListener(event -> {
            Bindings.write(scope.data(), element.key(), Boolean.TRUE.equals(event.getValue()) ? BooleanNode.TRUE : null);
            context.changed(path);
        });
        List<Component> content = new ArrayList<>();
        if (element.hint() != null) {
            Paragraph hint = new Paragraph(context.text(element.hint()));
            hint.addClassName("field-hint");
            content.add(hint);
        }
        content.add(checkbox);
        fieldSet.add(new Div(content.toArray(Component[]::new)));
        context.register(new FieldBinding(path, fieldSet) {
            @Override
            void setRequired(boolean required) {
                fieldSet.setLegendText(context.label(legendText, required));
            }

            @Override
            void showError(String subPath, String message) {
                checkbox.setErrorMessage(message);
                checkbox.setInvalid(true);
            }

            @Override
            void clearErrors() {
                checkbox.setInvalid(false);
                checkbox.setErrorMessage(null);
            }

            @Override
            String focusId(String subPath) {
                return checkbox.getId().orElse(null);
            }
        });
        return fieldSet;
    };
}
