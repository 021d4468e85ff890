package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.privacy.RetentionRun;
import org.formularium.privacy.RetentionService;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Retention: the dry run (what a run would delete now, per form, with the oldest affected date), the last
 * run, and "run now" after a confirmation.
 */
@Route(value = "admin/retention", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class RetentionView extends ViewSupport {

    private static final String KIND_KEY_PREFIX = "admin.retention.kind.";

    private final transient RetentionService retention;
    private final String me;
    final Grid<RetentionService.FormDue> report = new Grid<>();
    final Paragraph totals = new Paragraph();
    final Paragraph lastRun = new Paragraph();
    final Button runNow = new Button();
    Dialog dialog;
    private RetentionService.Report current;

    public RetentionView(RetentionService retention, AuthenticationContext authentication) {
        this.retention = retention;
        this.me = authentication.getPrincipalName().orElse("admin");
        H2 dryRun = new H2(getTranslation("admin.retention.dryRun.title"));
        dryRun.setId("retention-dry-run-heading");
        totals.getElement().setAttribute("role", "status");
        totals.addClassName("retention-totals");
        configureGrid();
        runNow.setText(getTranslation("admin.retention.runNow"));
        runNow.addThemeVariants(ButtonVariant.LUMO_ERROR);
        runNow.addClickListener(e -> confirmRun());
        H2 last = new H2(getTranslation("admin.retention.lastRun.title"));
        lastRun.addClassName("retention-last-run");
        add(heading(), new Paragraph(getTranslation("admin.retention.intro")), dryRun,
                new Paragraph(getTranslation("admin.retention.dryRun.intro")), totals, report, runNow, last, lastRun);
        refresh();
    }

    private void configureGrid() {
        report.addColumn(RetentionService.FormDue::title).setHeader(getTranslation("admin.retention.form"))
                .setAutoWidth(true).setFlexGrow(2);
        report.addColumn(f -> getTranslation(f.defaultRetention() ? "admin.retention.days.default" : "admin.retention.days",
                f.retentionDays())).setHeader(getTranslation("admin.retention.period"));
        report.addColumn(RetentionService.FormDue::submissions).setHeader(getTranslation("admin.retention.submissions"));
        report.addColumn(f -> date(f.oldestDecidedAt())).setHeader(getTranslation("admin.retention.oldestDecided"));
        report.addColumn(RetentionService.FormDue::drafts).setHeader(getTranslation("admin.retention.drafts"));
        report.addColumn(f -> date(f.oldestDraftExpiry())).setHeader(getTranslation("admin.retention.oldestDraft"));
        report.setAllRowsVisible(true);
        report.getElement().setAttribute("aria-labelledby", "retention-dry-run-heading");
    }

    void refresh() {
        current = retention.report();
        report.setItems(current.forms());
        totals.setText(getTranslation("admin.retention.dryRun.totals", current.submissions(), current.drafts()));
        lastRun.setText(retention.lastRun().map(this::describe)
                .orElseGet(() -> getTranslation("admin.retention.lastRun.none")));
    }

    private String describe(RetentionRun run) {
        return getTranslation("admin.retention.lastRun.text", dateTime(run.startedAt()),
                getTranslation(KIND_KEY_PREFIX + run.kind().name()), run.actor(), run.submissionsDeleted(),
                run.draftsDeleted());
    }

    void confirmRun() {
        dialog = Confirmation.open(this, getTranslation("admin.retention.confirm.title"),
                getTranslation("admin.retention.confirm.text", current.submissions(), current.drafts()),
                getTranslation("admin.retention.confirm.run"), this::run);
    }

    private void run() {
        RetentionService.Outcome outcome = retention.run(RetentionRun.Kind.MANUAL, me);
        Notification.show(outcome.run()
                .map(r -> getTranslation("admin.retention.done", r.submissionsDeleted(), r.draftsDeleted()))
                .orElseGet(() -> getTranslation("admin.retention.busy")));
        refresh();
    }

    private String date(OffsetDateTime value) {
        return value == null ? "–" : value.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()));
    }

    private String dateTime(OffsetDateTime value) {
        return Confirmation.dateTime(value, getLocale());
    }

    @Override
    protected String titleKey() {
        return "admin.retention.title";
    }
}
