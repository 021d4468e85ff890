package org.formularium.builder.ui.editor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.formularium.builder.editing.FormDraft;
import org.formularium.builder.editing.NodePath;

/**
 * The form's structure as nested lists of buttons: the form (settings), its pages, their elements, sections and
 * repeating groups. A button selects its node; Alt+ArrowUp / Alt+ArrowDown on it moves the node; nodes can also
 * be dragged onto another node (dropped before it, or into an empty page or container). Button ids are
 * {@code node-form} and {@code node-<indexes>} such as {@code node-0-3-1}.
 */
class StructureTree extends Div {

    interface Listener {
        void select(NodePath path);

        void move(NodePath path, int delta);

        void drop(NodePath dragged, NodePath target);
    }

    private final Listener listener;
    private final Map<NodePath, Button> buttons = new HashMap<>();
    private final Div content = new Div();
    private NodePath dragged;

    StructureTree(Listener listener) {
        this.listener = listener;
        addClassName("structure-tree");
        H2 heading = new H2(getTranslation("editor.structure"));
        heading.setId("structure-heading");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "structure-heading");
        Paragraph help = new Paragraph(getTranslation("editor.structure.help"));
        help.setId("structure-help");
        help.addClassName("hint");
        add(heading, help, content);
    }

    static String id(NodePath path) {
        return path.isRoot() ? "node-form"
                : "node-" + path.indexes().stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    void show(FormDraft draft, NodePath selected, String language) {
        content.removeAll();
        buttons.clear();
        UnorderedList list = new UnorderedList();
        list.addClassName("tree");
        list.getElement().setAttribute("aria-labelledby", "structure-heading");
        ListItem form = new ListItem(button(draft, NodePath.ROOT, getTranslation("editor.settings"), selected));
        UnorderedList pages = new UnorderedList();
        for (NodePath page : draft.children(NodePath.ROOT)) {
            pages.add(item(draft, page, selected, language));
        }
        form.add(pages);
        list.add(form);
        content.add(list);
    }

    private ListItem item(FormDraft draft, NodePath path, NodePath selected, String language) {
        String kind = path.isPage() ? getTranslation("editor.page")
                : getTranslation(EditorTexts.TYPE + draft.node(path).path("type").asText());
        ListItem item = new ListItem(button(draft, path, kind + ": " + draft.displayName(path, language), selected));
        if (draft.isContainer(path) && !draft.children(path).isEmpty()) {
            UnorderedList children = new UnorderedList();
            for (NodePath child : draft.children(path)) {
                children.add(item(draft, child, selected, language));
            }
            item.add(children);
        }
        return item;
    }

    private Button button(FormDraft draft, NodePath path, String text, NodePath selected) {
        Button button = new Button(text);
        button.setId(id(path));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName("tree-node");
        if (path.equals(selected)) {
            button.getElement().setAttribute("aria-current", "true");
            button.addClassName("selected");
        }
        button.getElement().setAttribute("aria-describedby", "structure-help");
        button.addClickListener(e -> listener.select(path));
        if (!path.isRoot()) {
            button.getElement().addEventListener("keydown", e -> listener.move(path, -1))
                    .setFilter("event.altKey && event.key === 'ArrowUp'")
                    .addEventData("event.preventDefault()");
            button.getElement().addEventListener("keydown", e -> listener.move(path, 1))
                    .setFilter("event.altKey && event.key === 'ArrowDown'")
                    .addEventData("event.preventDefault()");
            DragSource<Button> source = DragSource.create(button);
            source.addDragStartListener(e -> dragged = path);
            source.addDragEndListener(e -> dragged = null);
        }
        DropTarget<Button> target = DropTarget.create(button);
        target.addDropListener(e -> {
            NodePath from = dragged;
            dragged = null;
            if (from != null && !from.equals(path)) {
                listener.drop(from, path);
            }
        });
        buttons.put(path, button);
        return button;
    }

    /** Moves keyboard focus to a node's button. */
    void focus(NodePath path) {
        Optional.ofNullable(buttons.get(path)).ifPresent(Button::focus);
    }
}
