package org.formularium.backoffice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.backoffice.ExportService;
import org.formularium.backoffice.InboxFilter;
import org.formularium.backoffice.InboxFilter.Assignment;
import org.formularium.backoffice.InboxRow;
import org.formularium.backoffice.InboxService;
import org.formularium.backoffice.IndexedField;
import org.formularium.definition.store.FormSummary;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;
import org.formularium.submission.SubmissionStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The clerks' inbox: the submissions of the forms they are responsible for (all for administrators), loaded
 * page by page from the database, with filters, counts per status and exports of the filtered selection.
 */
@Route(value = "backoffice", layout = MainLayout.class)
@RolesAllowed({Role.CLERK_NAME, Role.ADMIN_NAME})
public class InboxView extends ViewSupport {

    private static final String ASSIGNMENT_KEY_PREFIX = "backoffice.assignment.";

    private final transient InboxService inbox;
    private final transient ExportService exports;
    private final Map<String, String> formTitles = new LinkedHashMap<>();

    final ComboBox<FormSummary> form = new ComboBox<>();
    final Select<SubmissionStatus> status = new Select<>();
    final DatePicker from;
    final DatePicker to;
    final RadioButtonGroup<Assignment> assignment = new RadioButtonGroup<>();
    final TextField reference = new TextField();
    final Div indexedFields = new Div();
    final Map<String, TextField> fieldFilters = new LinkedHashMap<>();
    final Div statusCounts = new Div();
    final Paragraph resultCount = new Paragraph();
    final Grid<InboxRow> grid = new Grid<>(InboxRow.class, false);
    final Anchor csv = new Anchor();
    final Anchor json = new Anchor();
    private volatile InboxFilter filter = InboxFilter.ALL;

    public InboxView(InboxService inbox, ExportService exports) {
        this.inbox = inbox;
        this.exports = exports;
        Locale locale = getLocale();
        List<FormSummary> forms = inbox.forms();
        forms.forEach(f -> formTitles.put(f.key(), title(f, locale)));

        form.setLabel(getTranslation("backoffice.filter.form"));
        form.setItems(forms);
        form.setItemLabelGenerator(f -> title(f, locale));
        form.setClearButtonVisible(true);
        form.addValueChangeListener(e -> {
            showIndexedFields();
            applyFilters();
        });

        status.setLabel(getTranslation("backoffice.filter.status"));
        status.setItems(SubmissionStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("backoffice.filter.allStatuses")
                : UiFormats.status(this, s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("backoffice.filter.allStatuses"));
        status.addValueChangeListener(e -> applyFilters());

        from = UiFormats.datePicker(this, locale, getTranslation("backoffice.filter.from"));
        to = UiFormats.datePicker(this, locale, getTranslation("backoffice.filter.to"));
        from.addValueChangeListener(e -> applyFilters());
        to.addValueChangeListener(e -> applyFilters());

        assignment.setLabel(getTranslation("backoffice.filter.assignment"));
        assignment.setItems(Assignment.values());
        assignment.setItemLabelGenerator(a -> getTranslation(ASSIGNMENT_KEY_PREFIX + a.name()));
        assignment.setValue(Assignment.ANY);
        assignment.addValueChangeListener(e -> applyFilters());

        reference.setLabel(getTranslation("backoffice.filter.reference"));
        reference.setValueChangeMode(ValueChangeMode.LAZY);
        reference.setClearButtonVisible(true);
        reference.addValueChangeListener(e -> applyFilters());

        FormLayout filters = new FormLayout(form, status, from, to, reference, assignment);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        indexedFields.addClassName("inbox-indexed-fields");
        Section filterSection = section("inbox-filters", getTranslation("backoffice.filters"), filters, indexedFields);

        statusCounts.addClassName("status-counts");
        statusCounts.getElement().setAttribute("role", "group");
        statusCounts.getElement().setAttribute("aria-label", getTranslation("backoffice.counts"));

        resultCount.getElement().setAttribute("role", "status");
        resultCount.addClassName("result-count");

        configureGrid(locale);

        csv.setText(getTranslation("backoffice.export.csv"));
        StreamResource csvResource = new StreamResource(exports.fileName("csv"),
                (out, session) -> exports.writeCsv(filter, locale, out));
        csvResource.setContentType("text/csv; charset=UTF-8");
        csv.setHref(csvResource);
        csv.getElement().setAttribute("download", true);
        json.setText(getTranslation("backoffice.export.json"));
        StreamResource jsonResource = new StreamResource(exports.fileName("json"),
                (out, session) -> exports.writeJson(filter, out));
        jsonResource.setContentType("application/json");
        json.setHref(jsonResource);
        json.getElement().setAttribute("download", true);
        Div exportLinks = new Div(csv, json);
        exportLinks.addClassName("export-links");

        Section results = section("inbox-results", getTranslation("backoffice.results"), statusCounts, resultCount,
                exportLinks, grid);
        addClassName("inbox-view");
        add(heading(), new Paragraph(getTranslation("backoffice.intro")), filterSection, results);
        refreshCounts();
    }

    private void configureGrid(Locale locale) {
        grid.setAriaLabel(getTranslation("backoffice.grid"));
        grid.addColumn(new ComponentRenderer<>(row -> new RouterLink(row.reference(), SubmissionView.class,
                        new RouteParameters(SubmissionView.REFERENCE, row.reference()))))
                .setHeader(getTranslation("backoffice.column.reference")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> formTitles.getOrDefault(row.formKey(), row.formKey()))
                .setHeader(getTranslation("backoffice.column.form"));
        Grid.Column<InboxRow> submitted = grid.addColumn(row -> UiFormats.dateTime(row.submittedAt(), locale))
                .setHeader(getTranslation("backoffice.column.submittedAt")).setSortable(true).setKey("submittedAt")
                .setAutoWidth(true);
        grid.addColumn(row -> row.deletionReason() != null ? UiFormats.deletion(this, row.deletionReason())
                        : UiFormats.status(this, row.status()))
                .setHeader(getTranslation("backoffice.column.status")).setAutoWidth(true);
        grid.addColumn(row -> row.assignedTo() == null ? getTranslation("backoffice.unassigned") : row.assignedTo())
                .setHeader(getTranslation("backoffice.column.assignedTo")).setAutoWidth(true);
        grid.setItems(query -> {
            boolean newestFirst = query.getSortOrders().isEmpty()
                    || query.getSortOrders().get(0).getDirection() == SortDirection.DESCENDING;
            return inbox.page(filter, newestFirst, query.getOffset(), query.getLimit()).stream();
        }, query -> inbox.count(filter));
        grid.sort(GridSortOrder.desc(submitted).build());
        grid.setAllRowsVisible(false);
        grid.addClassName("inbox-grid");
    }

    private void showIndexedFields() {
        indexedFields.removeAll();
        fieldFilters.clear();
        if (form.getValue() == null) {
            return;
        }
        List<IndexedField> fields = inbox.indexedFields(form.getValue().key());
        if (fields.isEmpty()) {
            return;
        }
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2),
                new FormLayout.ResponsiveStep("70em", 3));
        for (IndexedField field : fields) {
            TextField text = new TextField(getTranslation("backoffice.filter.contains", field.label().get(getLocale())));
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setClearButtonVisible(true);
            text.addValueChangeListener(e -> applyFilters());
            fieldFilters.put(field.key(), text);
            layout.add(text);
        }
        indexedFields.add(layout);
    }

    /** Reads the filter fields, reloads the grid and the counts. */
    void applyFilters() {
        Map<String, String> fields = fieldFilters.entrySet().stream()
                .filter(e -> !e.getValue().getValue().isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getValue(), (a, b) -> a,
                        LinkedHashMap::new));
        filter = new InboxFilter(form.getValue() == null ? null : form.getValue().key(), status.getValue(),
                from.getValue(), to.getValue(), assignment.getValue(), reference.getValue(), fields);
        grid.getDataProvider().refreshAll();
        refreshCounts();
    }

    InboxFilter filter() {
        return filter;
    }

    private void refreshCounts() {
        statusCounts.removeAll();
        Map<SubmissionStatus, Integer> counts = inbox.countsByStatus(filter);
        for (Map.Entry<SubmissionStatus, Integer> entry : counts.entrySet()) {
            Button button = new Button(getTranslation("backoffice.count", UiFormats.status(this, entry.getKey()),
                    entry.getValue()), e -> status.setValue(entry.getKey()));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            button.getElement().setAttribute("aria-pressed", String.valueOf(entry.getKey() == filter.status()));
            statusCounts.add(button);
        }
        resultCount.setText(getTranslation("backoffice.resultCount", inbox.count(filter)));
    }

    private Section section(String className, String title, com.vaadin.flow.component.Component... content) {
        H2 heading = new H2(title);
        heading.setId(className + "-heading");
        Section section = new Section(heading);
        section.add(content);
        section.addClassName(className);
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        return section;
    }

    private static String title(FormSummary form, Locale locale) {
        return "en".equals(locale.getLanguage()) && form.titleEn() != null ? form.titleEn() : form.title();
    }

    @Override
    protected String titleKey() {
        return "backoffice.title";
    }
}
