package org.formularium.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.builder.versions.DefinitionDiff;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.DraftConflictException;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.VersionStatus;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.util.List;
import java.util.Optional;

/**
 * The history of one form: every version with who created and published it when; view a version (outline and
 * JSON), compare two versions (pages and elements added, removed, changed), restore an old version as the new
 * draft.
 */
@Route(value = "builder/:formKey/versions", layout = MainLayout.class)
@RolesAllowed(Role.DESIGNER_NAME)
public class VersionsView extends ViewSupport implements BeforeEnterObserver {

    static final String STATUS_PREFIX = "builder.versionStatus.";

    private final transient FormService forms;
    private final String me;
    String formKey = "";
    final H1 title = heading();
    final Grid<FormVersionInfo> grid = new Grid<>();
    final Select<FormVersionInfo> older = new Select<>();
    final Select<FormVersionInfo> newer = new Select<>();
    final Button compare = new Button();
    final Div comparison = new Div();
    final Div outcome = new Div();
    private final Anchor editor = new Anchor();
    /** The draft as it was when the list was loaded: restoring must not overwrite a draft saved since. */
    private FormVersionInfo loadedDraft;
    Dialog dialog;

    public VersionsView(FormService forms, AuthenticationContext authentication) {
        this.forms = forms;
        this.me = authentication.getPrincipalName().orElse("designer");
        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("builder-outcome");
        HorizontalLayout links = new HorizontalLayout(new Anchor("builder", getTranslation("builder.back")), editor);
        links.setSpacing(true);
        configureGrid();
        older.setLabel(getTranslation("builder.compare.older"));
        newer.setLabel(getTranslation("builder.compare.newer"));
        older.setItemLabelGenerator(this::versionLabel);
        newer.setItemLabelGenerator(this::versionLabel);
        compare.setText(getTranslation("builder.compare"));
        compare.addClickListener(e -> compareSelected());
        HorizontalLayout compareBar = new HorizontalLayout(older, newer, compare);
        compareBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        compareBar.setWrap(true);
        H2 historyHeading = new H2(getTranslation("builder.history"));
        H2 compareHeading = new H2(getTranslation("builder.compare.title"));
        comparison.addClassName("version-comparison");
        add(links, title, outcome, historyHeading, grid, compareHeading, compareBar, comparison);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        formKey = event.getRouteParameters().get("formKey").orElse("");
        if (!forms.exists(formKey)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title.setText(getTranslation("builder.versions.heading", formKey));
        editor.setHref("builder/" + formKey);
        editor.setText(getTranslation("builder.openEditor", formKey));
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("builder.versions.heading", formKey) + " – " + getTranslation("app.name");
    }

    private void configureGrid() {
        grid.addColumn(v -> getTranslation("builder.versionNumber", v.number())).setHeader(getTranslation("builder.col.version"))
                .setAutoWidth(true);
        grid.addColumn(v -> getTranslation(STATUS_PREFIX + v.status().name()))
                .setHeader(getTranslation("builder.col.status")).setAutoWidth(true);
        grid.addColumn(v -> BuilderSupport.when(this, v.createdAt(), v.createdBy()))
                .setHeader(getTranslation("builder.col.created")).setAutoWidth(true);
        grid.addColumn(v -> v.status() == VersionStatus.DRAFT ? BuilderSupport.when(this, v.updatedAt(), v.updatedBy())
                        : BuilderSupport.when(this, v.publishedAt(), v.publishedBy()))
                .setHeader(getTranslation("builder.col.publishedOrChanged")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("builder.col.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", getTranslation("builder.history"));
    }

    private Component rowActions(FormVersionInfo version) {
        Button view = new Button(getTranslation("builder.view"), e -> openVersion(version));
        view.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        view.getElement().setAttribute("aria-label", getTranslation("builder.view.named", version.number()));
        view.setId("view-" + version.number());
        HorizontalLayout row = new HorizontalLayout(view);
        if (version.status() != VersionStatus.DRAFT) {
            Button restore = new Button(getTranslation("builder.restore"), e -> confirmRestore(version));
            restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            restore.getElement().setAttribute("aria-label", getTranslation("builder.restore.named", version.number()));
            restore.setId("restore-" + version.number());
            row.add(restore);
        }
        return row;
    }

    void reload() {
        List<FormVersionInfo> versions = forms.versions(formKey);
        loadedDraft = versions.stream().filter(v -> v.status() == VersionStatus.DRAFT).findFirst().orElse(null);
        grid.setItems(versions);
        older.setItems(versions);
        newer.setItems(versions);
        if (!versions.isEmpty()) {
            newer.setValue(versions.get(0));
            older.setValue(versions.get(Math.min(1, versions.size() - 1)));
        }
        compare.setEnabled(versions.size() > 1);
    }

    String versionLabel(FormVersionInfo v) {
        return getTranslation("builder.versionNumber", v.number()) + " – " + getTranslation(STATUS_PREFIX + v.status().name());
    }

    // ---- view --------------------------------------------------------------------------------------

    void openVersion(FormVersionInfo version) {
        dialog = BuilderSupport.dialog(getTranslation("builder.view.named", version.number()));
        dialog.setWidth("min(60rem, 95vw)");
        NativeDetails json = new NativeDetails(getTranslation("builder.view.json"), new Pre(DefinitionJson.write(version.definition())));
        json.addClassName("version-json");
        dialog.add(new H3(getTranslation("builder.view.outline")), new VersionOutline(version.definition(), getLocale()), json);
        dialog.getFooter().add(new Button(getTranslation("builder.close"), e -> dialog.close()));
        dialog.open();
    }

    // ---- compare -----------------------------------------------------------------------------------

    void compareSelected() {
        FormVersionInfo a = older.getValue();
        FormVersionInfo b = newer.getValue();
        comparison.removeAll();
        if (a == null || b == null) {
            return;
        }
        DefinitionDiff.Result diff = DefinitionDiff.compare(a.definition(), b.definition());
        Section section = new Section();
        H3 heading = new H3(getTranslation("builder.compare.result", a.number(), b.number()));
        heading.getElement().setAttribute("tabindex", "-1");
        heading.setId("comparison-heading");
        section.getElement().setAttribute("aria-labelledby", "comparison-heading");
        section.add(heading);
        if (diff.isEmpty()) {
            section.add(new Paragraph(getTranslation("builder.compare.same")));
        }
        if (!diff.formProperties().isEmpty()) {
            section.add(new Paragraph(getTranslation("builder.compare.form", String.join(", ",
                    diff.formProperties().stream().map(this::propertyName).toList()))));
        }
        addChanges(section, "builder.compare.added", "added", diff.added());
        addChanges(section, "builder.compare.removed", "removed", diff.removed());
        addChanges(section, "builder.compare.changed", "changed", diff.changed());
        comparison.add(section);
        heading.getElement().executeJs("this.focus()");
    }

    private void addChanges(Section section, String headingKey, String kind, List<DefinitionDiff.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        section.add(new H3(getTranslation(headingKey, changes.size())));
        UnorderedList list = new UnorderedList();
        list.setId("changes-" + kind);
        for (DefinitionDiff.Change change : changes) {
            ListItem item = new ListItem(new Code(change.path()), new Span(
                    " (" + change.type() + ")"));
            if (!change.properties().isEmpty()) {
                item.add(new Span(": " + getTranslation("builder.compare.properties",
                        String.join(", ", change.properties().stream().map(this::propertyName).toList()))));
            }
            if (change.movedFrom() != null) {
                item.add(new Span(" " + getTranslation("builder.compare.movedFrom", change.movedFrom())));
            }
            list.add(item);
        }
        section.add(list);
    }

    private String propertyName(String property) {
        return switch (property) {
            case DefinitionDiff.MOVED -> getTranslation("builder.compare.moved");
            case DefinitionDiff.ORDER -> getTranslation("builder.compare.order");
            default -> property;
        };
    }

    // ---- restore -----------------------------------------------------------------------------------

    void confirmRestore(FormVersionInfo version) {
        dialog = BuilderSupport.dialog(getTranslation("builder.restore.named", version.number()));
        Paragraph text = new Paragraph(loadedDraft == null
                ? getTranslation("builder.restore.confirm", version.number())
                : getTranslation("builder.restore.confirmReplace", version.number(), loadedDraft.number()));
        Button restore = new Button(getTranslation("builder.restore"), e -> {
            dialog.close();
            restore(version);
        });
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        restore.setId("restore-confirm");
        dialog.add(text);
        dialog.getFooter().add(new Button(getTranslation("builder.cancel"), e -> dialog.close()), restore);
        dialog.open();
    }

    private void restore(FormVersionInfo version) {
        outcome.removeAll();
        try {
            Optional<FormVersionInfo> current = forms.draft(formKey);
            if (loadedDraft == null && current.isPresent()) {
                throw new DraftConflictException(current.get());
            }
            FormService.DraftSaved saved = forms.restoreAsDraft(formKey, version.number(),
                    loadedDraft == null ? null : loadedDraft.lockVersion(), me);
            Paragraph done = new Paragraph(getTranslation("builder.restore.done", version.number(), saved.draft().number()));
            done.add(" ");
            done.add(new Anchor("builder/" + formKey, getTranslation("builder.openEditor", formKey)));
            outcome.add(done);
        } catch (DraftConflictException e) {
            FormVersionInfo current = e.current();
            outcome.add(new Paragraph(current == null ? getTranslation("builder.restore.conflictPublished")
                    : getTranslation("builder.restore.conflict", current.updatedBy())));
        }
        reload();
    }

    @Override
    protected String titleKey() {
        return "builder.versions.title";
    }
}
