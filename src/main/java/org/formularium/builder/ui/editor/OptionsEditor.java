package org.formularium.builder.ui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Edits the options of a choice (value and label per language), one row per option with buttons to move and
 * remove it. Fires the whole options array on every change.
 */
class OptionsEditor extends Div {

    private final List<String> languages;
    private final Consumer<ArrayNode> onChange;
    private final Div rows = new Div();
    private final List<OptionRow> optionRows = new ArrayList<>();

    private record OptionRow(TextField value, List<TextField> labels) {
    }

    OptionsEditor(String idPrefix, String label, List<String> languages, JsonNode options, Consumer<ArrayNode> onChange) {
        this.languages = languages;
        this.onChange = onChange;
        addClassName("options-editor");
        setId(idPrefix);
        H3 heading = new H3(label);
        heading.setId(idPrefix + "-heading");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", idPrefix + "-heading");
        List<OptionRow> initial = new ArrayList<>();
        for (JsonNode option : options) {
            initial.add(row(option.path("value").asText(""), option.path("label")));
        }
        optionRows.addAll(initial);
        Button add = new Button(getTranslation("editor.options.add"));
        add.setId("option-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.addClickListener(e -> {
            optionRows.add(row("", JsonNodeFactory.instance.objectNode()));
            redraw();
            optionRows.get(optionRows.size() - 1).value().focus();
        });
        add(heading, rows, add);
        redraw();
    }

    private OptionRow row(String value, JsonNode labels) {
        TextField valueField = new TextField(getTranslation("editor.options.value"));
        valueField.setValue(value);
        valueField.addValueChangeListener(e -> fire());
        List<TextField> labelFields = new ArrayList<>();
        for (String language : languages) {
            TextField labelField = new TextField(getTranslation("editor.options.label",
                    getTranslation(EditorTexts.LANGUAGE + language)));
            labelField.setValue(labels.path(language).asText(""));
            labelField.addValueChangeListener(e -> fire());
            labelFields.add(labelField);
        }
        return new OptionRow(valueField, labelFields);
    }

    private void redraw() {
        rows.removeAll();
        for (int i = 0; i < optionRows.size(); i++) {
            OptionRow row = optionRows.get(i);
            int index = i;
            row.value().setId("option-value-" + i);
            for (int l = 0; l < languages.size(); l++) {
                row.labels().get(l).setId("option-label-" + languages.get(l) + "-" + i);
            }
            Button up = small("editor.options.up", "option-up-" + i, index);
            up.setEnabled(i > 0);
            up.addClickListener(e -> swap(index, index - 1));
            Button down = small("editor.options.down", "option-down-" + i, index);
            down.setEnabled(i < optionRows.size() - 1);
            down.addClickListener(e -> swap(index, index + 1));
            Button remove = small("editor.options.remove", "option-remove-" + i, index);
            remove.addClickListener(e -> {
                optionRows.remove(index);
                redraw();
                fire();
            });
            Div line = new Div(row.value());
            row.labels().forEach(line::add);
            line.add(up, down, remove);
            line.addClassName("option-row");
            rows.add(line);
        }
    }

    private Button small(String key, String id, int index) {
        Button button = new Button(getTranslation(key));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-label", getTranslation(key + ".named", index + 1));
        return button;
    }

    private void swap(int from, int to) {
        OptionRow row = optionRows.remove(from);
        optionRows.add(to, row);
        redraw();
        fire();
        row.value().focus();
    }

    private void fire() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (OptionRow row : optionRows) {
            ObjectNode option = array.addObject();
            option.put("value", row.value().getValue().strip());
            ObjectNode label = option.putObject("label");
            for (int l = 0; l < languages.size(); l++) {
                String text = row.labels().get(l).getValue().strip();
                if (!text.isEmpty()) {
                    label.put(languages.get(l), text);
                }
            }
        }
        onChange.accept(array);
    }
}
