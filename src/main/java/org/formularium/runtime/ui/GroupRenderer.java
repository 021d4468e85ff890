package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.formularium.definition.model.GroupElement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repeating group: a heading, one fieldset per item ("Kind 1") with the item's fields and a button
 * "Kind 1 entfernen", and "Kind hinzufügen" — disabled at the maximum with a visible reason. A new item gets
 * the focus on its first field; after removal the focus goes to the group heading and the change is announced.
 * A group with more than {@value #PAGE_SIZE} items shows them {@value #PAGE_SIZE} at a time with a pager
 * ("Einträge 11 bis 20 von 100", previous and next); an error in an item on another page is reached through
 * {@link FieldBinding#reveal}, which turns to its page.
 */
final class GroupRenderer implements FieldRenderer<GroupElement> {

    /** Items shown at once; a longer group is paged (each item renders a few fields of ~2 KB each). */
    static final int PAGE_SIZE = 10;

    @Override
    public Component render(GroupElement element, Scope scope, RenderContext context) {
        return new RepeatingGroup(element, scope, context).root;
    }

    /** The item number at the start of a sub-path such as {@code [57].description}, or -1. */
    static int itemIndex(String subPath) {
        Matcher matcher = ITEM.matcher(subPath);
        return matcher.lookingAt() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static final Pattern ITEM = Pattern.compile("\\[(\\d{1,6})]");

    static final class RepeatingGroup {
        final Div root = new Div();
        final Div items = new Div();
        final Button add = new Button();
        private final H3 heading = new H3();
        private final Paragraph limitNote = new Paragraph();
        private final Paragraph error = new Paragraph();
        private final Div status = new Div();
        private final Div pager = new Div();
        private final Paragraph range = new Paragraph();
        private final Button previous = new Button();
        private final Button next = new Button();
        /** Index of the first item shown (paged groups). */
        private int first;
        private final GroupElement element;
        private final Scope scope;
        private final RenderContext context;
        private final String path;
        private final String labelText;
        private final String itemLabel;

        RepeatingGroup(GroupElement element, Scope scope, RenderContext context) {
            this.element = element;
            this.scope = scope;
            this.context = context;
            this.path = scope.path(element.key());
            this.labelText = context.text(element.label());
            this.itemLabel = context.text(element.itemLabel() != null ? element.itemLabel() : element.label());
            String id = RenderContext.fieldId(path);
            root.setId(id);
            root.addClassName("repeating-group");
            root.getElement().setAttribute("role", "group");
            root.getElement().setAttribute("aria-labelledby", id + "-heading");
            heading.setId(id + "-heading");
            heading.setText(context.label(labelText, element.requiredOrFalse()));
            heading.getElement().setAttribute("tabindex", "-1");
            context.markLanguage(heading, element.label());
            root.add(heading);
            if (element.hint() != null) {
                Paragraph hint = new Paragraph(context.text(element.hint()));
                hint.addClassName("field-hint");
                root.add(hint);
            }
            error.addClassName("field-error");
            error.setId(id + "-error");
            error.setVisible(false);
            status.getElement().setAttribute("role", "status");
            status.addClassName("visually-hidden");
            add.setText(context.getTranslation("form.group.add", itemLabel));
            add.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            add.addClickListener(e -> addItem());
            limitNote.addClassName("field-hint");
            limitNote.setId(id + "-limit");
            items.addClassName("group-items");
            ArrayNode array = array();
            while (array.size() < element.minItemsOrDefault()) {
                array.add(JsonNodeFactory.instance.objectNode());
            }
            if (!array.isEmpty()) {
                scope.data().set(element.key(), array);
            }
            buildPager(id);
            root.add(error, pager, items, add, limitNote, status);
            renderItems();
            context.register(binding());
        }

        private ArrayNode array() {
            JsonNode value = scope.data().get(element.key());
            return value instanceof ArrayNode array ? array : JsonNodeFactory.instance.arrayNode();
        }

        private void buildPager(String id) {
            pager.addClassName("group-pager");
            pager.getElement().setAttribute("role", "group");
            pager.getElement().setAttribute("aria-label", context.getTranslation("form.group.pager", labelText));
            range.setId(id + "-range");
            range.addClassName("group-range");
            previous.setText(context.getTranslation("form.group.previous"));
            next.setText(context.getTranslation("form.group.next"));
            previous.addClickListener(e -> turnTo(first - PAGE_SIZE, previous));
            next.addClickListener(e -> turnTo(first + PAGE_SIZE, next));
            pager.add(previous, range, next);
        }

        private boolean paged() {
            return array().size() > PAGE_SIZE;
        }

        /** Shows the page of items starting at {@code start}; the focus stays on the button unless it is disabled now. */
        private void turnTo(int start, Button pressed) {
            first = start;
            renderItems();
            context.rendered();
            status.setText(range.getText());
            if (!pressed.isEnabled()) {
                heading.getElement().callJsFunction("focus");
            }
        }

        /** Turns to the page of item {@code index}; false when it is shown already or does not exist. */
        boolean reveal(int index) {
            if (index < 0 || index >= array().size() || shows(index)) {
                return false;
            }
            first = index / PAGE_SIZE * PAGE_SIZE;
            renderItems();
            context.rendered();
            return true;
        }

        boolean shows(int index) {
            return !paged() || (index >= first && index < first + PAGE_SIZE);
        }

        private void renderItems() {
            context.unregisterBelow(path + "[");
            items.removeAll();
            ArrayNode array = array();
            int size = array.size();
            first = Math.max(0, Math.min(first, (size - 1) / PAGE_SIZE * PAGE_SIZE));
            boolean paged = size > PAGE_SIZE;
            int from = paged ? first : 0;
            int to = paged ? Math.min(size, first + PAGE_SIZE) : size;
            pager.setVisible(paged);
            if (paged) {
                range.setText(context.getTranslation("form.group.range.shown", from + 1, to, size));
                previous.setEnabled(from > 0);
                next.setEnabled(to < size);
            }
            for (int i = from; i < to; i++) {
                if (!(array.get(i) instanceof ObjectNode item)) {
                    continue;
                }
                int index = i;
                String itemPath = path + "[" + i + "]";
                String name = itemLabel + " " + (i + 1);
                FieldSet fieldSet = new FieldSet(name);
                fieldSet.setId(RenderContext.fieldId(itemPath));
                fieldSet.addClassName("group-item");
                Div fields = new Div();
                fields.addClassName("fields");
                context.renderAll(element.elements(), new Scope(item, itemPath + ".")).forEach(fields::add);
                fieldSet.add(fields);
                if (array.size() > element.minItemsOrDefault()) {
                    Button remove = new Button(context.getTranslation("form.group.remove", name), e -> removeItem(index));
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    remove.addClassName("group-remove");
                    fieldSet.add(remove);
                }
                items.add(fieldSet);
            }
            boolean full = array.size() >= element.maxItemsOrDefault();
            add.setEnabled(!full);
            limitNote.setText(full
                    ? context.getTranslation("form.group.max", element.maxItemsOrDefault(), labelText)
                    : element.minItemsOrDefault() > 0
                    ? context.getTranslation("form.group.range", element.minItemsOrDefault(), element.maxItemsOrDefault())
                    : context.getTranslation("form.group.upTo", element.maxItemsOrDefault()));
        }

        void addItem() {
            ArrayNode array = array();
            if (array.size() >= element.maxItemsOrDefault()) {
                return;
            }
            array.add(JsonNodeFactory.instance.objectNode());
            scope.data().set(element.key(), array);
            first = (array.size() - 1) / PAGE_SIZE * PAGE_SIZE;
            renderItems();
            status.setText(context.getTranslation("form.group.added", itemLabel + " " + array.size()));
            context.changed(path);
            String newItem = RenderContext.fieldId(path + "[" + (array.size() - 1) + "]");
            items.getElement().executeJs("const f=document.getElementById($0); if (f) {"
                    + " const t=f.querySelector('input,textarea,vaadin-select,vaadin-button'); if (t) { t.focus(); } }", newItem);
        }

        void removeItem(int index) {
            ArrayNode array = array();
            if (index >= array.size() || array.size() <= element.minItemsOrDefault()) {
                return;
            }
            array.remove(index);
            Bindings.write(scope.data(), element.key(), array);
            renderItems();
            status.setText(context.getTranslation("form.group.removed", itemLabel + " " + (index + 1)));
            context.changed(path);
            heading.getElement().callJsFunction("focus");
        }

        private FieldBinding binding() {
            return new FieldBinding(path, root) {
                @Override
                void setRequired(boolean required) {
                    heading.setText(context.label(labelText, required));
                }

                @Override
                void showError(String subPath, String message) {
                    error.setText(message);
                    error.setVisible(true);
                    root.addClassName("invalid");
                }

                @Override
                void clearErrors() {
                    error.setVisible(false);
                    root.removeClassName("invalid");
                }

                @Override
                boolean shows(String subPath) {
                    int index = itemIndex(subPath);
                    return index < 0 || RepeatingGroup.this.shows(index);
                }

                @Override
                boolean reveal(String subPath) {
                    return RepeatingGroup.this.reveal(itemIndex(subPath));
                }
            };
        }
    }
}
