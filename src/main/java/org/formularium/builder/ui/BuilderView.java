package org.formularium.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.builder.FormImports;
import org.formularium.builder.FormListFilter;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormKeyTakenException;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormStatus;
import org.formularium.definition.store.FormSummary;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.VersionStatus;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The designers' list of forms: search and status filter, and per form: open the editor, versions, duplicate,
 * archive or reactivate, export as JSON. Above it: create a form, import a definition file, import a FIM schema.
 */
@Route(value = "builder", layout = MainLayout.class)
@RolesAllowed(Role.DESIGNER_NAME)
public class BuilderView extends ViewSupport {

    static final String SHOW_PREFIX = "builder.show.";

    private final transient FormService forms;
    private final transient FormImports imports;
    private final String me;

    final TextField search = new TextField();
    final Select<FormListFilter.Show> show = new Select<>();
    final Grid<FormSummary> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Button create = new Button();
    final Button importDefinition = new Button();
    final Button importFim = new Button();
    /** The outcome of the last action (role=status), e.g. a created form with a link to its editor. */
    final Div outcome = new Div();
    /** The report of the last FIM import. */
    final Div fimResult = new Div();
    Dialog dialog;

    public BuilderView(FormService forms, FormImports imports, AuthenticationContext authentication) {
        this.forms = forms;
        this.imports = imports;
        this.me = authentication.getPrincipalName().orElse("designer");
        add(heading(), new Paragraph(getTranslation("builder.intro")));

        create.setText(getTranslation("builder.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreate());
        importDefinition.setText(getTranslation("builder.import"));
        importDefinition.addClickListener(e -> openDefinitionImport());
        importFim.setText(getTranslation("builder.fim"));
        importFim.addClickListener(e -> openFimImport());
        HorizontalLayout actions = new HorizontalLayout(create, importDefinition, importFim);
        actions.setWrap(true);

        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("builder-outcome");
        fimResult.addClassName("fim-result");

        search.setLabel(getTranslation("builder.search"));
        search.setHelperText(getTranslation("builder.search.help"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        show.setLabel(getTranslation("builder.show"));
        show.setItems(FormListFilter.Show.values());
        show.setItemLabelGenerator(s -> getTranslation(SHOW_PREFIX + s.name()));
        show.setValue(FormListFilter.Show.ACTIVE);
        show.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, show);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        configureGrid();
        empty.setText(getTranslation("builder.empty"));
        add(actions, outcome, fimResult, filters, grid, empty);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(this::title).setHeader(getTranslation("builder.col.title")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(FormSummary::key).setHeader(getTranslation("builder.col.key")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation(f.status() == FormStatus.ACTIVE ? "builder.status.active" : "builder.status.archived"))
                .setHeader(getTranslation("builder.col.status")).setAutoWidth(true);
        grid.addColumn(f -> f.latestPublished() == null ? getTranslation("builder.never")
                        : getTranslation("builder.versionNumber", f.latestPublished()))
                .setHeader(getTranslation("builder.col.published")).setAutoWidth(true);
        grid.addColumn(f -> f.draftNumber() == null ? getTranslation("builder.no")
                        : getTranslation("builder.draftYes", f.draftNumber()))
                .setHeader(getTranslation("builder.col.draft")).setAutoWidth(true);
        grid.addColumn(f -> BuilderSupport.when(this, f.updatedAt(), f.updatedBy()))
                .setHeader(getTranslation("builder.col.changed")).setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setHeader(getTranslation("builder.col.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", getTranslation("builder.grid"));
    }

    private String title(FormSummary form) {
        return "en".equals(getLocale().getLanguage()) && form.titleEn() != null ? form.titleEn() : form.title();
    }

    private Component rowActions(FormSummary form) {
        String name = title(form);
        Anchor edit = new Anchor("builder/" + form.key(), getTranslation("builder.edit"));
        edit.setId("edit-" + form.key());
        edit.getElement().setAttribute("aria-label", getTranslation("builder.edit.named", name));
        Anchor versions = new Anchor("builder/" + form.key() + "/versions", getTranslation("builder.versions"));
        versions.setId("versions-" + form.key());
        versions.getElement().setAttribute("aria-label", getTranslation("builder.versions.named", name));
        Button duplicate = small(getTranslation("builder.duplicate"), getTranslation("builder.duplicate.named", name),
                "duplicate-" + form.key(), () -> openDuplicate(form));
        Button export = small(getTranslation("builder.export"), getTranslation("builder.export.named", name),
                "export-" + form.key(), () -> openExport(form));
        boolean active = form.status() == FormStatus.ACTIVE;
        Button archive = small(getTranslation(active ? "builder.archive" : "builder.reactivate"),
                getTranslation(active ? "builder.archive.named" : "builder.reactivate.named", name),
                (active ? "archive-" : "reactivate-") + form.key(), () -> confirmStatus(form, active));
        HorizontalLayout row = new HorizontalLayout(edit, versions, duplicate, export, archive);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setSpacing(true);
        return row;
    }

    private static Button small(String text, String label, String id, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-label", label);
        button.setId(id);
        return button;
    }

    void refresh() {
        List<FormSummary> shown = new FormListFilter(search.getValue(), show.getValue()).apply(forms.allForms());
        grid.setItems(shown);
        grid.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
    }

    private Dialog newDialog(String title) {
        dialog = BuilderSupport.dialog(title);
        return dialog;
    }

    private void showOutcome(String text, String editorKey) {
        outcome.removeAll();
        Paragraph paragraph = new Paragraph(text);
        if (editorKey != null) {
            paragraph.add(" ");
            paragraph.add(new Anchor("builder/" + editorKey, getTranslation("builder.openEditor", editorKey)));
        }
        outcome.add(paragraph);
    }

    // ---- create ------------------------------------------------------------------------------------

    void openCreate() {
        Dialog d = newDialog(getTranslation("builder.create"));
        TextField key = keyField(getTranslation("builder.key"), "");
        TextField titleDe = new TextField(getTranslation("builder.titleDe"));
        titleDe.setRequiredIndicatorVisible(true);
        titleDe.setMaxLength(200);
        titleDe.setWidthFull();
        TextField titleEn = new TextField(getTranslation("builder.titleEn"));
        titleEn.setMaxLength(200);
        titleEn.setWidthFull();
        Button save = new Button(getTranslation("builder.create.save"), e -> {
            boolean ok = checkKey(key);
            titleDe.setInvalid(false);
            if (titleDe.getValue().isBlank()) {
                titleDe.setErrorMessage(getTranslation("builder.error.title"));
                titleDe.setInvalid(true);
                ok = false;
            }
            if (!ok) {
                return;
            }
            try {
                imports.createEmpty(key.getValue(), titleDe.getValue(), titleEn.getValue(), me);
            } catch (FormKeyTakenException ex) {
                keyError(key, "builder.error.keyTaken");
                return;
            }
            d.close();
            UI.getCurrent().navigate("builder/" + key.getValue());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("create-save");
        FormLayout form = new FormLayout(key, titleDe, titleEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        d.add(form);
        d.getFooter().add(new Button(getTranslation("builder.cancel"), e -> d.close()), save);
        d.open();
        key.focus();
    }

    private TextField keyField(String label, String value) {
        TextField key = new TextField(label);
        key.setValue(value);
        key.setRequiredIndicatorVisible(true);
        key.setHelperText(getTranslation("builder.key.help"));
        key.setMaxLength(63);
        key.setWidthFull();
        key.setManualValidation(true);
        return key;
    }

    /** Checks the key's format (not whether it is taken: the service tells that). */
    private boolean checkKey(TextField key) {
        key.setInvalid(false);
        if (!FormService.isValidFormKey(key.getValue())) {
            keyError(key, "builder.error.keyFormat");
            return false;
        }
        return true;
    }

    private void keyError(TextField key, String messageKey) {
        key.setErrorMessage(getTranslation(messageKey));
        key.setInvalid(true);
        key.focus();
    }

    // ---- duplicate ---------------------------------------------------------------------------------

    void openDuplicate(FormSummary source) {
        Dialog d = newDialog(getTranslation("builder.duplicate.named", title(source)));
        TextField key = keyField(getTranslation("builder.newKey"), source.key().length() <= 56 ? source.key() + "-kopie" : "");
        Button save = new Button(getTranslation("builder.duplicate"), e -> {
            if (!checkKey(key)) {
                return;
            }
            try {
                forms.duplicate(source.key(), key.getValue(), me);
            } catch (FormKeyTakenException ex) {
                keyError(key, "builder.error.keyTaken");
                return;
            }
            d.close();
            refresh();
            showOutcome(getTranslation("builder.duplicate.done", source.key(), key.getValue()), key.getValue());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("duplicate-save");
        d.add(new Paragraph(getTranslation("builder.duplicate.intro")), key);
        d.getFooter().add(new Button(getTranslation("builder.cancel"), e -> d.close()), save);
        d.open();
        key.focus();
    }

    // ---- archive / reactivate ----------------------------------------------------------------------

    void confirmStatus(FormSummary form, boolean archive) {
        String label = getTranslation(archive ? "builder.archive.named" : "builder.reactivate.named", title(form));
        Dialog d = newDialog(label);
        Button confirm = new Button(getTranslation(archive ? "builder.archive" : "builder.reactivate"), e -> {
            d.close();
            if (archive) {
                forms.archive(form.key(), me);
            } else {
                forms.reactivate(form.key(), me);
            }
            refresh();
            showOutcome(getTranslation(archive ? "builder.archive.done" : "builder.reactivate.done", form.key()), null);
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (archive) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        confirm.setId("status-confirm");
        d.add(new Paragraph(getTranslation(archive ? "builder.archive.confirm" : "builder.reactivate.confirm", form.key())));
        d.getFooter().add(new Button(getTranslation("builder.cancel"), e -> d.close()), confirm);
        d.open();
    }

    // ---- export ------------------------------------------------------------------------------------

    void openExport(FormSummary form) {
        Dialog d = newDialog(getTranslation("builder.export.named", title(form)));
        List<FormVersionInfo> versions = forms.versions(form.key());
        Select<FormVersionInfo> version = new Select<>();
        version.setLabel(getTranslation("builder.export.version"));
        version.setItems(versions);
        version.setItemLabelGenerator(this::versionLabel);
        Anchor download = new Anchor();
        download.setId("export-download");
        download.setDownload(true);
        version.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                download.setHref(exportResource(e.getValue()));
                download.setText(getTranslation("builder.export.download", exportFileName(e.getValue())));
            }
        });
        if (!versions.isEmpty()) {
            version.setValue(versions.get(0));
        }
        d.add(version, new Paragraph(download));
        d.getFooter().add(new Button(getTranslation("builder.close"), e -> d.close()));
        d.open();
    }

    String versionLabel(FormVersionInfo v) {
        return getTranslation(v.status() == VersionStatus.DRAFT ? "builder.version.draft" : "builder.version.published",
                v.number(), BuilderSupport.dateTime(v.status() == VersionStatus.DRAFT ? v.updatedAt() : v.publishedAt(), getLocale()));
    }

    static String exportFileName(FormVersionInfo version) {
        return version.formKey() + "-v" + version.number() + ".json";
    }

    static StreamResource exportResource(FormVersionInfo version) {
        byte[] json = DefinitionJson.write(version.definition()).getBytes(StandardCharsets.UTF_8);
        StreamResource resource = new StreamResource(exportFileName(version), () -> new ByteArrayInputStream(json));
        resource.setContentType("application/json");
        return resource;
    }

    // ---- imports -----------------------------------------------------------------------------------

    void openDefinitionImport() {
        Dialog d = newDialog(getTranslation("builder.import"));
        new DefinitionImportPanel(d, imports, me, this::imported).open();
    }

    private void imported(FormImports.Imported imported) {
        String key = imported.draft().formKey();
        refresh();
        String text = getTranslation(imported.newForm() ? "builder.import.created" : "builder.import.newDraft", key,
                imported.draft().number());
        showOutcome(text, key);
        Notification notification = new Notification();
        notification.add(new Paragraph(text), new Anchor("builder/" + key, getTranslation("builder.openEditor", key)));
        notification.setDuration(10_000);
        notification.open();
    }

    void openFimImport() {
        Dialog d = newDialog(getTranslation("builder.fim"));
        new FimImportPanel(d, imports, me, result -> {
            refresh();
            fimResult.removeAll();
            fimResult.add(new FimReport(result));
            showOutcome(getTranslation("builder.fim.created", result.draft().formKey()), result.draft().formKey());
        }).open();
    }

    @Override
    protected String titleKey() {
        return "builder.title";
    }
}
