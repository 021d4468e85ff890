package org.formularium.builder.ui.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.formularium.builder.editing.Conditions;
import org.formularium.builder.editing.ElementProperties;
import org.formularium.builder.editing.ElementProperties.Kind;
import org.formularium.builder.editing.ElementProperties.Property;
import org.formularium.builder.editing.FormDraft;
import org.formularium.builder.editing.FormDraft.KeyCheck;
import org.formularium.builder.editing.NodePath;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.ElementType;

/**
 * The properties of the selected node: form settings, a page, or an element (its fields depend on the type, see
 * {@link ElementProperties}). Every field changes the {@link FormDraft} at once and tells the listener; texts
 * are edited per language side by side. Field ids are {@code prop-<property>} and {@code prop-<property>-<lang>}.
 */
class PropertiesPanel extends Div {

    /** What the editor does when the panel changed the draft or asks for a structural change. */
    interface Listener {
        void changed();

        /** A change that alters what the editor shows beyond this field (e.g. the form's languages). */
        void structureChanged();

        void move(int delta);

        void moveInto(NodePath container);

        void delete();
    }

    /** Booleans whose absence means true: unchecking writes {@code false}. */
    private static final Set<String> TRUE_BY_DEFAULT = Set.of("requireHouseNumber");
    /** Text properties with a helper text {@code editor.prop.<name>.hint}. */
    static final Set<String> HINTED = Set.of("pattern", "minDate", "maxDate", "currencyCode");

    private final FormDraft draft;
    private final NodePath path;
    private final Listener listener;
    private final String language;
    private TextField keyField;

    PropertiesPanel(FormDraft draft, NodePath path, String language, Listener listener) {
        this.draft = draft;
        this.path = path;
        this.listener = listener;
        this.language = language;
        addClassName("properties-panel");
        setId("properties");
        H2 heading = new H2(headingText());
        heading.setId("properties-heading");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "properties-heading");
        add(heading);
        if (path.isRoot()) {
            settings();
        } else {
            actions();
            key();
            if (path.isPage()) {
                text("title", Kind.TEXT);
                text("description", Kind.LONG_TEXT);
                add(condition("visibleIf"));
            } else {
                ElementType type = draft.type(path).orElseThrow();
                for (Property property : ElementProperties.of(type)) {
                    add(field(property));
                }
            }
        }
    }

    private String headingText() {
        if (path.isRoot()) {
            return getTranslation("editor.settings");
        }
        String kind = path.isPage() ? getTranslation("editor.page")
                : getTranslation(EditorTexts.TYPE + draft.node(path).path("type").asText());
        return getTranslation("editor.properties.of", kind, draft.displayName(path, language));
    }

    /** Keeps the key field current when the key followed the label. */
    void refreshKey() {
        if (keyField != null && !keyField.getValue().equals(draft.key(path))) {
            keyField.setValue(draft.key(path));
            keyField.setInvalid(false);
        }
    }

    // ---------------------------------------------------------------- parts

    private void actions() {
        Button up = action("editor.move.up", "node-up", () -> listener.move(-1));
        Button down = action("editor.move.down", "node-down", () -> listener.move(1));
        Button delete = action("editor.delete", "node-delete", listener::delete);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div bar = new Div(up, down, delete);
        bar.addClassName("node-actions");
        add(bar);
        if (path.isElement()) {
            Select<NodePath> into = new Select<>();
            into.setId("node-move-into");
            into.setLabel(getTranslation("editor.move.into"));
            List<NodePath> containers = new ArrayList<>();
            collectContainers(NodePath.ROOT, containers);
            containers.removeIf(c -> c.startsWith(path) || c.equals(path.parent()));
            into.setItems(containers);
            into.setItemLabelGenerator(c -> (c.isPage() ? getTranslation("editor.page")
                    : getTranslation(EditorTexts.TYPE + draft.node(c).path("type").asText()))
                    + ": " + draft.displayName(c, language));
            into.setEnabled(!containers.isEmpty());
            into.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    listener.moveInto(e.getValue());
                }
            });
            bar.add(into);
        }
    }

    private void collectContainers(NodePath parent, List<NodePath> into) {
        for (NodePath child : draft.children(parent)) {
            if (draft.isContainer(child)) {
                into.add(child);
                collectContainers(child, into);
            }
        }
    }

    private Button action(String key, String id, Runnable run) {
        Button button = new Button(getTranslation(key));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClickListener(e -> run.run());
        return button;
    }

    private void key() {
        keyField = new TextField(getTranslation("editor.prop.key"));
        keyField.setId("prop-key");
        keyField.setValue(draft.key(path));
        keyField.setHelperText(getTranslation("editor.prop.key.hint"));
        keyField.setManualValidation(true);
        keyField.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            KeyCheck check = draft.setKey(path, e.getValue().strip());
            switch (check) {
                case OK, UNCHANGED -> {
                    keyField.setInvalid(false);
                    if (check == KeyCheck.OK) {
                        listener.changed();
                    }
                }
                case INVALID -> invalid(keyField, "editor.prop.key.invalid");
                case DUPLICATE -> invalid(keyField, "editor.prop.key.duplicate");
            }
        });
        add(keyField);
    }

    private void settings() {
        TextField formKey = new TextField(getTranslation("editor.prop.key"));
        formKey.setId("prop-key");
        formKey.setValue(draft.key(path));
        formKey.setReadOnly(true);
        add(formKey);
        text("title", Kind.TEXT);
        text("description", Kind.LONG_TEXT);
        text("topic", Kind.TEXT);
        Checkbox english = new Checkbox(getTranslation("editor.settings.english"));
        english.setId("settings-english");
        english.setValue(draft.languages().contains("en"));
        english.addValueChangeListener(e -> {
            ArrayNode languages = JsonNodeFactory.instance.arrayNode().add("de");
            if (e.getValue()) {
                languages.add("en");
            }
            if (draft.set(path, "languages", languages)) {
                listener.structureChanged();
            }
        });
        add(english);

        add(new H3(getTranslation("editor.settings.privacy")));
        text("privacy.notice", Kind.LONG_TEXT);
        add(field(new Property("privacy.consentRequired", Kind.BOOLEAN, List.of())));
        text("privacy.controller", Kind.LONG_TEXT);
        text("privacy.legalBasis", Kind.TEXT);
        text("privacy.purpose", Kind.TEXT);
        add(field(new Property("privacy.retentionDays", Kind.INTEGER, List.of())));
        add(field(new Property("privacy.draftRetentionDays", Kind.INTEGER, List.of())));

        add(new H3(getTranslation("editor.settings.confirmation")));
        text("confirmation.text", Kind.LONG_TEXT);
        Select<String> email = new Select<>();
        email.setId("prop-confirmation.emailElement");
        email.setLabel(getTranslation("editor.prop.confirmation.emailElement"));
        email.setEmptySelectionAllowed(true);
        email.setEmptySelectionCaption(getTranslation("editor.none"));
        List<String> emailKeys = draft.fieldsFor(NodePath.ROOT, language).stream()
                .filter(f -> f.type() == ElementType.EMAIL).map(FormDraft.Field::key).toList();
        email.setItems(emailKeys);
        String currentEmail = draft.node(path).path("confirmation").path("emailElement").asText(null);
        if (currentEmail != null && emailKeys.contains(currentEmail)) {
            email.setValue(currentEmail);
        }
        email.addValueChangeListener(e -> apply(draft.set(path, "confirmation.emailElement",
                e.getValue() == null ? null : TextNode.valueOf(e.getValue()))));
        add(email);
        add(field(new Property("confirmation.attachPdf", Kind.BOOLEAN, List.of())));

        add(new H3(getTranslation("editor.settings.more")));
        add(field(new Property("metadata", Kind.MAP, List.of())));
        add(field(new Property("codeLists", Kind.JSON, List.of())));
        add(field(new Property("rules", Kind.JSON, List.of())));
        Anchor webhooks = new Anchor("admin/webhooks", getTranslation("editor.settings.webhooks"));
        webhooks.setId("settings-webhooks");
        add(new Div(webhooks));
    }

    // ---------------------------------------------------------------- fields

    private Component field(Property property) {
        String name = property.name();
        String id = "prop-" + name;
        String label = getTranslation(EditorTexts.PROPERTY + name);
        JsonNode current = valueOf(name);
        switch (property.kind()) {
            case TEXT, LONG_TEXT -> {
                return texts(name, property.kind());
            }
            case BOOLEAN -> {
                boolean trueByDefault = TRUE_BY_DEFAULT.contains(name);
                Checkbox box = new Checkbox(label);
                box.setId(id);
                box.setValue(trueByDefault ? !current.isBoolean() || current.asBoolean() : current.asBoolean(false));
                box.addValueChangeListener(e -> apply(trueByDefault
                        ? draft.set(path, name, BooleanNode.valueOf(e.getValue()))
                        : draft.setFlag(path, name, e.getValue())));
                return box;
            }
            case INTEGER -> {
                IntegerField number = new IntegerField(label);
                number.setId(id);
                if (current.canConvertToInt()) {
                    number.setValue(current.intValue());
                }
                number.addValueChangeListener(e -> apply(draft.set(path, name,
                        e.getValue() == null ? null : IntNode.valueOf(e.getValue()))));
                return number;
            }
            case DECIMAL -> {
                BigDecimalField number = new BigDecimalField(label);
                number.setId(id);
                if (current.isNumber()) {
                    number.setValue(current.decimalValue());
                }
                number.addValueChangeListener(e -> apply(draft.set(path, name, decimal(e.getValue()))));
                return number;
            }
            case CHOICE -> {
                Select<String> select = new Select<>();
                select.setId(id);
                select.setLabel(label);
                select.setItems(property.choices());
                select.setItemLabelGenerator(v -> getTranslation(EditorTexts.CHOICE + name + "." + v));
                select.setEmptySelectionAllowed(!"display".equals(name));
                select.setEmptySelectionCaption(getTranslation("editor.default"));
                if (current.isTextual() && property.choices().contains(current.asText())) {
                    select.setValue(current.asText());
                }
                select.addValueChangeListener(e -> apply(draft.set(path, name,
                        e.getValue() == null ? null : TextNode.valueOf(e.getValue()))));
                return select;
            }
            case STRING_LIST -> {
                TextField list = new TextField(label);
                list.setId(id);
                list.setHelperText(getTranslation("editor.prop.list.hint"));
                List<String> values = new ArrayList<>();
                current.forEach(v -> values.add(v.asText()));
                list.setValue(String.join(", ", values));
                list.addValueChangeListener(e -> {
                    ArrayNode array = JsonNodeFactory.instance.arrayNode();
                    Arrays.stream(e.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(array::add);
                    apply(draft.set(path, name, array.isEmpty() ? null : array));
                });
                return list;
            }
            case CONDITION -> {
                return condition(name);
            }
            case EXPRESSION, JSON -> {
                return json(property, label, id, current);
            }
            case OPTIONS -> {
                return new OptionsEditor(id, label, draft.languages(), current,
                        options -> apply(draft.set(path, name, options.isEmpty() ? null : options)));
            }
            case CODE_LIST -> {
                Select<String> select = new Select<>();
                select.setId(id);
                select.setLabel(label);
                List<String> lists = new ArrayList<>();
                draft.node(NodePath.ROOT).path("codeLists").fieldNames().forEachRemaining(lists::add);
                select.setItems(lists);
                select.setEmptySelectionAllowed(true);
                select.setEmptySelectionCaption(getTranslation("editor.none"));
                if (lists.contains(current.asText())) {
                    select.setValue(current.asText());
                }
                select.setHelperText(getTranslation("editor.prop.codeList.hint"));
                select.addValueChangeListener(e -> apply(draft.set(path, name,
                        e.getValue() == null ? null : TextNode.valueOf(e.getValue()))));
                return select;
            }
            case AUTOCOMPLETE -> {
                ComboBox<String> combo = new ComboBox<>(label);
                combo.setId(id);
                List<String> tokens = new ArrayList<>(ElementProperties.AUTOCOMPLETE_TOKENS);
                if (current.isTextual() && !tokens.contains(current.asText())) {
                    tokens.add(current.asText());
                }
                combo.setItems(tokens);
                combo.setAllowCustomValue(true);
                combo.addCustomValueSetListener(e -> combo.setValue(e.getDetail()));
                combo.setHelperText(getTranslation("editor.prop.autocomplete.hint"));
                if (current.isTextual()) {
                    combo.setValue(current.asText());
                }
                combo.addValueChangeListener(e -> apply(draft.set(path, name,
                        e.getValue() == null ? null : TextNode.valueOf(e.getValue()))));
                return combo;
            }
            case MAP -> {
                TextArea map = new TextArea(label);
                map.setId(id);
                map.setHelperText(getTranslation("editor.prop.map.hint"));
                StringBuilder lines = new StringBuilder();
                current.fields().forEachRemaining(f -> lines.append(f.getKey()).append(" = ")
                        .append(f.getValue().asText()).append('\n'));
                map.setValue(lines.toString().strip());
                map.addValueChangeListener(e -> {
                    ObjectNode object = JsonNodeFactory.instance.objectNode();
                    e.getValue().lines().filter(l -> l.contains("=")).forEach(l -> object.put(
                            l.substring(0, l.indexOf('=')).strip(), l.substring(l.indexOf('=') + 1).strip()));
                    apply(draft.set(path, name, object.isEmpty() ? null : object));
                });
                return map;
            }
            default -> {
                TextField text = new TextField(label);
                text.setId(id);
                text.setValue(current.isValueNode() ? current.asText() : "");
                if (HINTED.contains(name)) {
                    text.setHelperText(getTranslation(EditorTexts.PROPERTY + name + ".hint"));
                }
                text.addValueChangeListener(e -> apply(draft.set(path, name, TextNode.valueOf(e.getValue().strip()))));
                return text;
            }
        }
    }

    private JsonNode valueOf(String property) {
        JsonNode node = draft.node(path);
        for (String name : property.split("\\.")) {
            node = node.path(name);
        }
        return node;
    }

    private static JsonNode decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0) {
            return IntNode.valueOf(stripped.intValueExact());
        }
        return JsonNodeFactory.withExactBigDecimals(true).numberNode(value);
    }

    /** A text property: one field per language, side by side. */
    private void text(String name, Kind kind) {
        add(texts(name, kind));
    }

    private Component texts(String name, Kind kind) {
        Div row = new Div();
        row.addClassName("language-row");
        JsonNode current = valueOf(name);
        for (String lang : draft.languages()) {
            String label = getTranslation(EditorTexts.PROPERTY + name) + " (" + getTranslation(EditorTexts.LANGUAGE + lang) + ")";
            HasValue<?, String> field;
            if (kind == Kind.LONG_TEXT) {
                TextArea area = new TextArea(label);
                area.setId("prop-" + name + "-" + lang);
                area.setValue(current.path(lang).asText(""));
                field = area;
                row.add(area);
            } else {
                TextField text = new TextField(label);
                text.setId("prop-" + name + "-" + lang);
                text.setValue(current.path(lang).asText(""));
                field = text;
                row.add(text);
            }
            field.addValueChangeListener(e -> {
                boolean changed = draft.setText(path, name, lang, e.getValue());
                refreshKey();
                apply(changed);
            });
        }
        return row;
    }

    private Component condition(String name) {
        return new ConditionEditor("prop-" + name, getTranslation(EditorTexts.PROPERTY + name),
                draft.fieldsFor(path, language), valueOf(name), logic -> apply(draft.set(path, name, logic)));
    }

    private Component json(Property property, String label, String id, JsonNode current) {
        TextArea area = new TextArea(label);
        area.setId(id);
        area.setManualValidation(true);
        area.setHelperText(getTranslation(property.kind() == Kind.EXPRESSION
                ? "editor.prop.expression.hint" : "editor.prop.json.hint"));
        area.setValue(current.isMissingNode() ? "" : property.kind() == Kind.EXPRESSION
                ? Conditions.format(current) : DefinitionJson.write(current));
        area.addValueChangeListener(e -> {
            String text = e.getValue();
            JsonNode value;
            if (property.kind() == Kind.EXPRESSION) {
                Conditions.Parsed parsed = Conditions.parse(text);
                if (!parsed.ok()) {
                    area.setErrorMessage(getTranslation("editor.expression.invalid", parsed.problem()));
                    area.setInvalid(true);
                    return;
                }
                value = parsed.logic();
            } else if (text.isBlank()) {
                value = null;
            } else {
                try {
                    value = DefinitionJson.mapper().readTree(text);
                } catch (JsonProcessingException ex) {
                    area.setErrorMessage(getTranslation("editor.json.invalid", ex.getOriginalMessage()));
                    area.setInvalid(true);
                    return;
                }
            }
            area.setInvalid(false);
            apply(draft.set(path, property.name(), value));
        });
        return area;
    }

    private void invalid(TextField field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    private void apply(boolean changed) {
        if (changed) {
            listener.changed();
        }
    }
}
