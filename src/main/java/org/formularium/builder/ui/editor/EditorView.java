package org.formularium.builder.ui.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.formularium.builder.editing.FormDraft;
import org.formularium.builder.editing.NodePath;
import org.formularium.definition.DefinitionParser;
import org.formularium.definition.ParseResult;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.store.DraftConflictException;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormService.DraftSaved;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.InvalidDefinitionException;
import org.formularium.definition.validation.DefinitionProblem;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

/**
 * The form editor: structure tree, palette, properties of the selected node, live preview, problems, save
 * (automatic after every change, with optimistic locking) and publish. The editing itself happens in the
 * {@link FormDraft}; this view shows it and stores it.
 */
@Route(value = "builder/:formKey", layout = MainLayout.class)
@RolesAllowed(Role.DESIGNER_NAME)
public class EditorView extends ViewSupport implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final transient FormService forms;
    private final transient AuthenticationContext authentication;
    private final transient Clock clock;

    private String formKey;
    private FormDraft draft;
    /** The lock version of the stored draft this editor is based on; {@code null} when no draft is open. */
    private Integer lock;
    private boolean conflict;
    /** Who saved the draft meanwhile (when known). */
    private String conflictBy;
    private NodePath selected = NodePath.ROOT;
    private List<DefinitionProblem> problems = List.of();

    private final H1 heading = heading();
    final Span status = new Span();
    final Paragraph announcer = new Paragraph();
    private final StructureTree tree = new StructureTree(new TreeListener());
    private final Div propertiesArea = new Div();
    private PropertiesPanel properties;
    private final Div problemsArea = new Div();
    final Button undo = new Button();
    Dialog conflictDialog;
    Dialog publishDialog;
    PreviewDialog preview;

    public EditorView(FormService forms, AuthenticationContext authentication, Clock clock) {
        this.forms = forms;
        this.authentication = authentication;
        this.clock = clock;
        addClassName("editor-view");
    }

    @Override
    protected String titleKey() {
        return "editor.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        formKey = event.getRouteParameters().get("formKey").orElse("");
        removeAll();
        add(heading);
        Optional<FormVersionInfo> draftVersion = forms.draft(formKey);
        Optional<FormVersionInfo> base = draftVersion.or(() -> forms.versions(formKey).stream()
                .reduce((first, second) -> second.number() > first.number() ? second : first));
        if (base.isEmpty()) {
            add(new Paragraph(getTranslation("editor.notFound", formKey)));
            return;
        }
        draft = new FormDraft(base.get().definition());
        lock = draftVersion.map(FormVersionInfo::lockVersion).orElse(null);
        problems = forms.validate(draft.definition());
        layout();
        refresh();
    }

    // ---------------------------------------------------------------- layout

    private void layout() {
        heading.setText(getTranslation("editor.heading", formKey));
        status.setId("editor-status");
        status.getElement().setAttribute("role", "status");
        announcer.setId("editor-announcer");
        announcer.addClassName("visually-hidden");
        announcer.getElement().setAttribute("aria-live", "assertive");

        Button save = new Button(getTranslation("editor.save"), e -> save());
        save.setId("editor-save");
        undo.setText(getTranslation("editor.undo"));
        undo.setId("editor-undo");
        undo.addClickListener(e -> undo());
        Button previewButton = new Button(getTranslation("editor.preview"), e -> openPreview());
        previewButton.setId("editor-preview");
        Button publish = new Button(getTranslation("editor.publish"), e -> publish());
        publish.setId("editor-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor versions = new Anchor("builder/" + formKey + "/versions", getTranslation("editor.versions"));
        versions.setId("editor-versions");
        Anchor back = new Anchor("builder", getTranslation("editor.back"));
        Div toolbar = new Div(save, undo, previewButton, publish, versions, back, status);
        toolbar.addClassName("editor-toolbar");

        Div palette = palette();
        Div left = new Div(palette, tree);
        left.addClassName("editor-left");
        propertiesArea.addClassName("editor-right");
        Div columns = new Div(left, propertiesArea);
        columns.addClassName("editor-columns");
        problemsArea.setId("editor-problems");
        add(toolbar, announcer, columns, problemsArea);
    }

    private Div palette() {
        H2 title = new H2(getTranslation("editor.palette"));
        title.setId("palette-heading");
        Paragraph help = new Paragraph(getTranslation("editor.palette.help"));
        help.addClassName("hint");
        Div buttons = new Div();
        buttons.addClassName("palette-buttons");
        Button page = new Button(getTranslation("editor.add.page"), e -> addPage());
        page.setId("add-page");
        buttons.add(page);
        for (ElementType type : ElementType.values()) {
            Button add = new Button(getTranslation(EditorTexts.TYPE + type.jsonName()), e -> addElement(type));
            add.setId("add-" + type.jsonName());
            add.getElement().setAttribute("aria-label",
                    getTranslation("editor.add.named", getTranslation(EditorTexts.TYPE + type.jsonName())));
            buttons.add(add);
        }
        Div palette = new Div(title, help, buttons);
        palette.addClassName("palette");
        palette.getElement().setAttribute("role", "region");
        palette.getElement().setAttribute("aria-labelledby", "palette-heading");
        return palette;
    }

    private String language() {
        return getLocale() == null ? "de" : getLocale().getLanguage();
    }

    /** Shows the tree, the properties of the selection and the problems. */
    private void refresh() {
        if (!draft.exists(selected)) {
            selected = NodePath.ROOT;
        }
        tree.show(draft, selected, language());
        showProperties();
        showProblems();
        undo.setEnabled(draft.canUndo());
    }

    private void showProperties() {
        propertiesArea.removeAll();
        properties = new PropertiesPanel(draft, selected, language(), new PanelListener());
        propertiesArea.add(properties);
    }

    private void showProblems() {
        problemsArea.removeAll();
        H2 title = new H2(problems.isEmpty() ? getTranslation("editor.problems.none")
                : getTranslation("editor.problems", problems.size()));
        title.setId("problems-heading");
        problemsArea.add(title);
        if (problems.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.getElement().setAttribute("aria-labelledby", "problems-heading");
        int index = 0;
        for (DefinitionProblem problem : problems) {
            Optional<NodePath> node = NodePath.ofProblemPath(problem.path()).filter(draft::exists);
            String where = node.map(n -> draft.displayName(n, language())).orElse(getTranslation("editor.settings"));
            String property = problem.path().replaceFirst("^pages\\[\\d+](\\.elements\\[\\d+])*\\.?", "");
            String text = getTranslation("editor.problem.line", where,
                    getTranslation(EditorTexts.PROBLEM + problem.code().name()),
                    property.isEmpty() ? "–" : property);
            Button link = new Button(text, e -> select(node.orElse(NodePath.ROOT), true));
            link.setId("problem-" + index++);
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            link.setTooltipText(problem.message());
            list.add(new ListItem(link));
        }
        problemsArea.add(list);
    }

    // ---------------------------------------------------------------- editing

    void select(NodePath path, boolean focusProperties) {
        selected = path;
        tree.show(draft, selected, language());
        showProperties();
        if (focusProperties) {
            properties.getElement().executeJs(
                    "const f = this.querySelector('vaadin-text-field, vaadin-text-area, vaadin-checkbox'); if (f) { f.focus(); }");
        } else {
            tree.focus(path);
        }
    }

    private void addPage() {
        int number = draft.children(NodePath.ROOT).size() + 1;
        selected = draft.addPage(selected.isRoot() ? NodePath.ROOT : NodePath.of(selected.indexes().get(0)),
                getTranslation("editor.newPage", number));
        changed(true);
        announce(getTranslation("editor.added", draft.displayName(selected, language())));
        tree.focus(selected);
    }

    private void addElement(ElementType type) {
        Optional<NodePath> added = draft.addElement(type, selected, getTranslation(EditorTexts.TYPE + type.jsonName()));
        if (added.isEmpty()) {
            notify(getTranslation("editor.add.needsPage"), false);
            return;
        }
        selected = added.get();
        changed(true);
        announce(getTranslation("editor.added", draft.displayName(selected, language())));
        tree.focus(selected);
    }

    void move(NodePath path, int delta) {
        String name = draft.displayName(path, language());
        Optional<NodePath> moved = draft.move(path, delta);
        if (moved.isEmpty()) {
            announce(getTranslation(delta < 0 ? "editor.move.first" : "editor.move.last", name));
            return;
        }
        selected = moved.get();
        changed(true);
        tree.focus(selected);
        announce(getTranslation(delta < 0 ? "editor.moved.up" : "editor.moved.down", name,
                selected.last() + 1, draft.children(selected.parent()).size()));
    }

    void moveInto(NodePath path, NodePath container, int index) {
        String name = draft.displayName(path, language());
        String target = draft.displayName(container, language());
        draft.moveTo(path, container, index).ifPresent(moved -> {
            selected = moved;
            changed(true);
            tree.focus(selected);
            announce(getTranslation("editor.moved.into", name, target));
        });
    }

    void delete(NodePath path) {
        String name = draft.displayName(path, language());
        draft.delete(path);
        selected = path.isPage() || path.last() == 0 ? path.parent() : path.withLast(path.last() - 1);
        changed(true);
        tree.focus(selected);
        Notification notification = new Notification();
        notification.setDuration(10000);
        notification.setId("deleted-notification");
        Span text = new Span(getTranslation("editor.deleted", name));
        Button undoDelete = new Button(getTranslation("editor.undo"), e -> {
            notification.close();
            undo();
        });
        undoDelete.setId("undo-delete");
        undoDelete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        notification.add(new Div(text, undoDelete));
        notification.open();
        announce(getTranslation("editor.deleted", name));
    }

    void undo() {
        draft.undo().ifPresent(what -> {
            changed(true);
            announce(getTranslation("editor.undone"));
        });
    }

    /** After every change: show it (the whole editor when the structure changed) and save. */
    private void changed(boolean structure) {
        if (structure) {
            refresh();
        } else {
            tree.show(draft, selected, language());
            undo.setEnabled(draft.canUndo());
        }
        save();
    }

    private void announce(String text) {
        announcer.setText(text);
    }

    // ---------------------------------------------------------------- storing

    /** Saves the draft (called after every change); refused saves lose nothing. */
    void save() {
        if (conflict) {
            openConflictDialog();
            return;
        }
        try {
            DraftSaved saved = forms.saveDraft(formKey, draft.definition(), lock, user());
            lock = saved.draft().lockVersion();
            problems = saved.problems();
            status.setText(getTranslation("editor.saved", TIME.format(saved.draft().updatedAt()
                    .atZoneSameInstant(ZoneId.systemDefault())), problems.size()));
        } catch (DraftConflictException e) {
            conflict = true;
            conflictBy = e.current() == null ? null : e.current().updatedBy();
            status.setText(getTranslation("editor.notSaved"));
            openConflictDialog();
        } catch (InvalidDefinitionException e) {
            problems = e.problems();
            status.setText(getTranslation("editor.notSaved"));
        }
        showProblems();
    }

    private String user() {
        return authentication.getPrincipalName().orElse("designer");
    }

    void openConflictDialog() {
        if (conflictDialog != null && conflictDialog.isOpened()) {
            return;
        }
        conflictDialog = new Dialog();
        conflictDialog.setId("conflict-dialog");
        String title = getTranslation("editor.conflict.title");
        conflictDialog.setHeaderTitle(title);
        conflictDialog.getElement().setAttribute("aria-label", title);
        conflictDialog.setCloseOnOutsideClick(false);
        Paragraph text = new Paragraph(getTranslation("editor.conflict.text"));
        if (conflictBy != null) {
            text.add(" " + getTranslation("editor.conflict.by", conflictBy));
        }
        Paragraph confirmText = new Paragraph(getTranslation("editor.conflict.reload.confirm"));
        confirmText.setVisible(false);
        Button overwrite = new Button(getTranslation("editor.conflict.overwrite"), e -> {
            conflictDialog.close();
            conflict = false;
            lock = forms.draft(formKey).map(FormVersionInfo::lockVersion).orElse(null);
            save();
        });
        overwrite.setId("conflict-overwrite");
        overwrite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reloadConfirmed = new Button(getTranslation("editor.conflict.reload.yes"), e -> {
            conflictDialog.close();
            conflict = false;
            reloadFromStore();
        });
        reloadConfirmed.setId("conflict-reload-confirm");
        reloadConfirmed.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reloadConfirmed.setVisible(false);
        Button reload = new Button(getTranslation("editor.conflict.reload"));
        reload.setId("conflict-reload");
        reload.addClickListener(e -> {
            confirmText.setVisible(true);
            reloadConfirmed.setVisible(true);
            reloadConfirmed.focus();
        });
        Button keep = new Button(getTranslation("editor.conflict.keep"), e -> conflictDialog.close());
        keep.setId("conflict-keep");
        conflictDialog.add(text, confirmText);
        conflictDialog.getFooter().add(keep, reload, reloadConfirmed, overwrite);
        add(conflictDialog);
        conflictDialog.open();
    }

    private void reloadFromStore() {
        Optional<FormVersionInfo> stored = forms.draft(formKey);
        stored.ifPresent(v -> {
            draft = new FormDraft(v.definition());
            lock = v.lockVersion();
        });
        if (stored.isEmpty()) {
            forms.versions(formKey).stream().reduce((a, b) -> b.number() > a.number() ? b : a).ifPresent(v -> {
                draft = new FormDraft(v.definition());
                lock = null;
            });
        }
        problems = forms.validate(draft.definition());
        status.setText(getTranslation("editor.reloaded"));
        refresh();
    }

    private void publish() {
        save();
        if (conflict) {
            return;
        }
        if (!problems.isEmpty()) {
            notify(getTranslation("editor.publish.invalid", problems.size()), true);
            return;
        }
        publishDialog = new Dialog();
        publishDialog.setId("publish-dialog");
        String title = getTranslation("editor.publish.title");
        publishDialog.setHeaderTitle(title);
        publishDialog.getElement().setAttribute("aria-label", title);
        publishDialog.add(new Paragraph(getTranslation("editor.publish.text")));
        Button confirm = new Button(getTranslation("editor.publish.confirm"), e -> {
            publishDialog.close();
            try {
                FormVersionInfo version = forms.publish(formKey, lock, user());
                lock = null;
                status.setText(getTranslation("editor.published", version.number()));
                notify(getTranslation("editor.published", version.number()), false);
            } catch (InvalidDefinitionException ex) {
                problems = ex.problems();
                showProblems();
                notify(getTranslation("editor.publish.invalid", problems.size()), true);
            } catch (DraftConflictException ex) {
                conflict = true;
                openConflictDialog();
            }
        });
        confirm.setId("publish-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("editor.cancel"), e -> publishDialog.close());
        cancel.setId("publish-cancel");
        publishDialog.getFooter().add(cancel, confirm);
        add(publishDialog);
        publishDialog.open();
    }

    private void openPreview() {
        ParseResult parsed = DefinitionParser.parse(draft.definition());
        if (!parsed.isValid() || parsed.definition().pages().isEmpty()) {
            notify(getTranslation("editor.preview.invalid", Math.max(1, parsed.problems().size())), true);
            return;
        }
        preview = new PreviewDialog(parsed.definition(), getLocale(), LocalDate.now(clock));
        add(preview);
        preview.open();
    }

    private void notify(String text, boolean error) {
        Notification notification = new Notification(text, 6000);
        if (error) {
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        notification.open();
        announce(text);
    }

    // ---------------------------------------------------------------- listeners

    private final class TreeListener implements StructureTree.Listener {
        @Override
        public void select(NodePath path) {
            EditorView.this.select(path, false);
        }

        @Override
        public void move(NodePath path, int delta) {
            EditorView.this.move(path, delta);
        }

        @Override
        public void drop(NodePath dragged, NodePath target) {
            if (draft.isContainer(target) && (draft.children(target).isEmpty() || target.isPage())) {
                moveInto(dragged, target, draft.children(target).size());
            } else if (target.isElement()) {
                moveInto(dragged, target.parent(), target.last());
            } else if (dragged.isPage() && target.isPage()) {
                draft.move(dragged, target.last() - dragged.last()).ifPresent(p -> {
                    selected = p;
                    changed(true);
                });
            }
        }
    }

    private final class PanelListener implements PropertiesPanel.Listener {
        @Override
        public void changed() {
            EditorView.this.changed(false);
        }

        @Override
        public void structureChanged() {
            EditorView.this.changed(true);
        }

        @Override
        public void move(int delta) {
            EditorView.this.move(selected, delta);
        }

        @Override
        public void moveInto(NodePath container) {
            EditorView.this.moveInto(selected, container, draft.children(container).size());
        }

        @Override
        public void delete() {
            EditorView.this.delete(selected);
        }
    }

    /** For tests: the draft being edited. */
    JsonNode definition() {
        return draft.definition();
    }
}
