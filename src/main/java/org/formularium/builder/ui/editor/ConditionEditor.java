package org.formularium.builder.ui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.formularium.builder.editing.Conditions;
import org.formularium.builder.editing.Conditions.Combinator;
import org.formularium.builder.editing.Conditions.Condition;
import org.formularium.builder.editing.Conditions.Operator;
import org.formularium.builder.editing.Conditions.Row;
import org.formularium.builder.editing.FormDraft.Field;
import org.formularium.definition.model.ElementType;

/**
 * Edits a {@code visibleIf}/{@code requiredIf} condition as rows "&lt;field&gt; &lt;operator&gt; &lt;value&gt;"
 * combined with and/or, and shows the JSON Logic it makes, which can be edited directly (checked before it is
 * taken). Fires the new JSON Logic ({@code null}: no condition) to {@code onChange}.
 */
class ConditionEditor extends Div {

    private final String idPrefix;
    private final List<Field> fields;
    private final Consumer<JsonNode> onChange;
    private final RadioButtonGroup<Combinator> combinator = new RadioButtonGroup<>();
    private final Div rows = new Div();
    private final List<RowFields> rowFields = new ArrayList<>();
    private final TextArea json = new TextArea();
    private final Paragraph onlyJson = new Paragraph();
    private final Button add = new Button();

    private record RowFields(Select<String> field, Select<Operator> operator, TextField value, Div line) {
    }

    ConditionEditor(String idPrefix, String label, List<Field> fields, JsonNode current, Consumer<JsonNode> onChange) {
        this.idPrefix = idPrefix;
        this.fields = fields;
        this.onChange = onChange;
        addClassName("condition-editor");
        setId(idPrefix);
        H3 heading = new H3(label);
        heading.setId(idPrefix + "-heading");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());

        combinator.setId(idPrefix + "-combinator");
        combinator.setLabel(getTranslation("editor.condition.combinator"));
        combinator.setItems(Combinator.values());
        combinator.setItemLabelGenerator(c -> getTranslation(EditorTexts.COMBINATOR + c.name().toLowerCase()));
        combinator.setValue(Combinator.AND);
        combinator.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                rowsChanged();
            }
        });

        add.setText(getTranslation("editor.condition.add"));
        add.setId(idPrefix + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.addClickListener(e -> {
            addRow(new Row(null, Operator.IS, ""));
            rowFields.get(rowFields.size() - 1).field().focus();
        });

        json.setId(idPrefix + "-json");
        json.setLabel(getTranslation("editor.condition.json"));
        json.setHelperText(getTranslation("editor.condition.json.hint"));
        json.setWidthFull();
        json.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                jsonChanged(e.getValue());
            }
        });
        Details advanced = new Details(getTranslation("editor.condition.advanced"), json);
        advanced.setId(idPrefix + "-advanced");
        onlyJson.setText(getTranslation("editor.condition.onlyJson"));
        onlyJson.setVisible(false);

        add(heading, onlyJson, combinator, rows, add, advanced);
        show(current);
    }

    private void show(JsonNode logic) {
        rows.removeAll();
        rowFields.clear();
        json.setValue(Conditions.format(logic));
        Optional<Condition> condition = Conditions.fromLogic(logic);
        onlyJson.setVisible(condition.isEmpty());
        combinator.setVisible(condition.isPresent());
        add.setVisible(condition.isPresent());
        condition.ifPresent(c -> {
            combinator.setValue(c.combinator());
            c.rows().forEach(this::addRow);
        });
    }

    private void addRow(Row row) {
        int index = rowFields.size();
        Select<String> field = new Select<>();
        field.setId(idPrefix + "-field-" + index);
        field.setLabel(getTranslation("editor.condition.field"));
        field.setItems(fields.stream().map(Field::key).toList());
        field.setItemLabelGenerator(key -> fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .map(f -> f.label() + " (" + f.key() + ")").orElse(key));
        if (row.field() != null && fields.stream().anyMatch(f -> f.key().equals(row.field()))) {
            field.setValue(row.field());
        }
        Select<Operator> operator = new Select<>();
        operator.setId(idPrefix + "-op-" + index);
        operator.setLabel(getTranslation("editor.condition.operator"));
        operator.setItems(Operator.values());
        operator.setItemLabelGenerator(o -> getTranslation(EditorTexts.OPERATOR + o.name().toLowerCase()));
        operator.setValue(row.operator());
        TextField value = new TextField(getTranslation("editor.condition.value"));
        value.setId(idPrefix + "-value-" + index);
        value.setValue(row.value() == null ? "" : row.value());
        value.setEnabled(row.operator().needsValue());
        Button remove = new Button(getTranslation("editor.condition.remove"));
        remove.setId(idPrefix + "-remove-" + index);
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        remove.getElement().setAttribute("aria-label", getTranslation("editor.condition.remove.named", index + 1));
        Div line = new Div(field, operator, value, remove);
        line.addClassName("condition-row");
        RowFields fieldsOfRow = new RowFields(field, operator, value, line);
        rowFields.add(fieldsOfRow);
        rows.add(line);
        field.addValueChangeListener(e -> {
            valueHint(fieldsOfRow);
            rowsChanged();
        });
        operator.addValueChangeListener(e -> {
            value.setEnabled(e.getValue() != null && e.getValue().needsValue());
            rowsChanged();
        });
        value.addValueChangeListener(e -> rowsChanged());
        remove.addClickListener(e -> {
            int at = rowFields.indexOf(fieldsOfRow);
            rowFields.remove(fieldsOfRow);
            rows.remove(line);
            rowsChanged();
            if (!rowFields.isEmpty()) {
                rowFields.get(Math.max(0, at - 1)).field().focus();
            } else {
                add.focus();
            }
        });
        valueHint(fieldsOfRow);
    }

    /** Tells which values the chosen field has (options, yes/no). */
    private void valueHint(RowFields row) {
        Optional<Field> chosen = fields.stream().filter(f -> f.key().equals(row.field().getValue())).findFirst();
        String hint = chosen.map(f -> f.type() == ElementType.YESNO || f.type() == ElementType.CONSENT
                ? getTranslation("editor.condition.value.yesno") : "").orElse("");
        row.value().setHelperText(hint);
    }

    private Condition condition() {
        List<Row> list = rowFields.stream()
                .map(r -> new Row(r.field().getValue(), r.operator().getValue(), r.value().getValue())).toList();
        return new Condition(combinator.getValue() == null ? Combinator.AND : combinator.getValue(), list);
    }

    private void rowsChanged() {
        JsonNode logic = Conditions.toLogic(condition(), key -> fields.stream()
                .filter(f -> f.key().equals(key)).map(Field::type).findFirst());
        json.setValue(Conditions.format(logic));
        json.setInvalid(false);
        onChange.accept(logic);
    }

    private void jsonChanged(String text) {
        Conditions.Parsed parsed = Conditions.parse(text);
        if (!parsed.ok()) {
            json.setErrorMessage(getTranslation("editor.expression.invalid", parsed.problem()));
            json.setInvalid(true);
            return;
        }
        json.setInvalid(false);
        show(parsed.logic());
        onChange.accept(parsed.logic());
    }
}
