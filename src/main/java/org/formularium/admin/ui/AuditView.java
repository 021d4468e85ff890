package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.audit.AuditAction;
import org.formularium.audit.AuditEntry;
import org.formularium.audit.AuditQuery;
import org.formularium.audit.AuditService;
import org.formularium.audit.AuditTarget;
import org.formularium.audit.ChainVerification;
import org.formularium.backoffice.ui.UiFormats;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

/**
 * The audit log for administrators: search by time range, actor, action and target, newest first, loaded
 * page by page; and whether the hash chain is intact.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditView extends ViewSupport {

    private static final String ACTION_KEY = "audit.action.";
    private static final String TARGET_KEY = "audit.target.";
    private static final String ACTOR_KEY = "audit.actor.";

    private final transient AuditService audit;
    final DatePicker from;
    final DatePicker to;
    final TextField actor = new TextField();
    final ComboBox<AuditAction> action = new ComboBox<>();
    final ComboBox<AuditTarget> targetType = new ComboBox<>();
    final TextField targetId = new TextField();
    final Button search = new Button();
    final Button verify = new Button();
    final Paragraph chainStatus = new Paragraph();
    final Grid<AuditEntry> entries = new Grid<>();
    private AuditQuery query = AuditQuery.all();

    public AuditView(AuditService audit) {
        this.audit = audit;
        add(heading(), new Paragraph(getTranslation("admin.audit.intro")));

        H2 chainHeading = new H2(getTranslation("admin.audit.chain.title"));
        chainStatus.setId("audit-chain-status");
        chainStatus.getElement().setAttribute("role", "status");
        verify.setText(getTranslation("admin.audit.chain.verify"));
        verify.addClickListener(e -> verifyChain());
        add(chainHeading, chainStatus, verify);

        H2 searchHeading = new H2(getTranslation("admin.audit.search.title"));
        from = UiFormats.datePicker(this, getLocale(), getTranslation("admin.audit.from"));
        to = UiFormats.datePicker(this, getLocale(), getTranslation("admin.audit.to"));
        actor.setLabel(getTranslation("admin.audit.actor"));
        actor.setMaxLength(200);
        action.setLabel(getTranslation("admin.audit.action"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> getTranslation(ACTION_KEY + a.name()));
        action.setClearButtonVisible(true);
        targetType.setLabel(getTranslation("admin.audit.targetType"));
        targetType.setItems(AuditTarget.values());
        targetType.setItemLabelGenerator(t -> getTranslation(TARGET_KEY + t.name()));
        targetType.setClearButtonVisible(true);
        targetId.setLabel(getTranslation("admin.audit.targetId"));
        targetId.setMaxLength(200);
        search.setText(getTranslation("admin.audit.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> search());
        FlexLayout filters = new FlexLayout(from, to, actor, action, targetType, targetId, search);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexLayout.Alignment.END);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(searchHeading, filters);

        H2 resultsHeading = new H2(getTranslation("admin.audit.results.title"));
        resultsHeading.setId("audit-results-heading");
        configureGrid();
        add(resultsHeading, entries);
        verifyChain();
        search();
    }

    private void configureGrid() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        entries.addColumn(AuditEntry::id).setHeader(getTranslation("admin.audit.column.id")).setAutoWidth(true);
        entries.addColumn(e -> format.format(e.at())).setHeader(getTranslation("admin.audit.column.at"))
                .setAutoWidth(true);
        entries.addColumn(e -> getTranslation(ACTOR_KEY + e.actor().type().name()) + ": " + e.actor().label())
                .setHeader(getTranslation("admin.audit.column.actor")).setAutoWidth(true);
        entries.addColumn(e -> e.action() == null ? "?" : getTranslation(ACTION_KEY + e.action().name()))
                .setHeader(getTranslation("admin.audit.column.action")).setAutoWidth(true);
        entries.addColumn(e -> (e.targetType() == null ? "" : getTranslation(TARGET_KEY + e.targetType().name()))
                        + (e.targetId() == null ? "" : " " + e.targetId()))
                .setHeader(getTranslation("admin.audit.column.target")).setAutoWidth(true);
        entries.addColumn(e -> e.details().entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.audit.column.details")).setFlexGrow(3);
        entries.setPageSize(50);
        entries.getElement().setAttribute("aria-labelledby", "audit-results-heading");
    }

    void verifyChain() {
        ChainVerification result = audit.verify();
        chainStatus.setText(result.intact()
                ? getTranslation("admin.audit.chain.intact", result.checked())
                : getTranslation("admin.audit.chain.broken", result.firstBrokenId()));
        chainStatus.getElement().getClassList().set("audit-chain-broken", !result.intact());
    }

    void search() {
        query = new AuditQuery(start(from.getValue()), start(to.getValue() == null ? null : to.getValue().plusDays(1)),
                actor.getValue(), action.getValue(), targetType.getValue(), targetId.getValue());
        AuditQuery current = query;
        entries.setItems(request -> audit.find(current, request.getOffset(), request.getLimit()).stream(),
                request -> audit.count(current));
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    @Override
    protected String titleKey() {
        return "admin.audit.title";
    }
}
