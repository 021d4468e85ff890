package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.privacy.DataSubjectRequest;
import org.formularium.privacy.DataSubjectService;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Data-subject requests: find a person's submissions and drafts by indexed answers, export them as a ZIP
 * (Art. 15/20 GDPR), erase them after a confirmation (Art. 17 GDPR), and the record of all requests.
 */
@Route(value = "admin/data-subject-requests", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class DataSubjectRequestsView extends ViewSupport {

    private static final String STATUS_KEY_PREFIX = "submission.status.";
    private static final String TYPE_KEY_PREFIX = "admin.dsr.type.";

    private final transient DataSubjectService requests;
    private final String me;
    final EmailField email = new EmailField();
    final TextField name = new TextField();
    final DatePicker birthDate = new DatePicker();
    final TextField value = new TextField();
    final Button search = new Button();
    final Paragraph searchError = new Paragraph();
    final Section results = new Section();
    final Paragraph found = new Paragraph();
    final Grid<DataSubjectService.FoundSubmission> submissions = new Grid<>();
    final Grid<DataSubjectService.FoundDraft> drafts = new Grid<>();
    final Anchor export = new Anchor();
    final Button erase = new Button();
    final Div actions = new Div();
    final Grid<DataSubjectRequest> log = new Grid<>();
    Dialog dialog;
    private DataSubjectService.Criteria criteria;
    private DataSubjectService.Findings findings;

    public DataSubjectRequestsView(DataSubjectService requests, AuthenticationContext authentication) {
        this.requests = requests;
        this.me = authentication.getPrincipalName().orElse("admin");
        add(heading(), new Paragraph(getTranslation("admin.dsr.intro")), searchForm(), results(), requestLog());
        refreshLog();
    }

    private Section searchForm() {
        email.setLabel(getTranslation("admin.dsr.email"));
        name.setLabel(getTranslation("admin.dsr.name"));
        birthDate.setLabel(getTranslation("admin.dsr.birthDate"));
        birthDate.setLocale(getLocale());
        value.setLabel(getTranslation("admin.dsr.value"));
        value.setHelperText(getTranslation("admin.dsr.value.help"));
        search.setText(getTranslation("admin.dsr.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> search());
        searchError.getElement().setAttribute("role", "alert");
        searchError.addClassName("dsr-error");
        searchError.setVisible(false);
        FormLayout form = new FormLayout(email, name, birthDate, value);
        H2 title = new H2(getTranslation("admin.dsr.search.title"));
        return new Section(title, new Paragraph(getTranslation("admin.dsr.search.intro")), form, searchError, search);
    }

    private Section results() {
        found.getElement().setAttribute("role", "status");
        submissions.addColumn(DataSubjectService.FoundSubmission::reference).setHeader(getTranslation("admin.dsr.reference"))
                .setAutoWidth(true);
        submissions.addColumn(DataSubjectService.FoundSubmission::formTitle).setHeader(getTranslation("admin.dsr.form"))
                .setFlexGrow(2);
        submissions.addColumn(DataSubjectService.FoundSubmission::formVersion).setHeader(getTranslation("admin.dsr.version"));
        submissions.addColumn(s -> getTranslation(STATUS_KEY_PREFIX + s.status().name()))
                .setHeader(getTranslation("admin.dsr.status"));
        submissions.addColumn(s -> dateTime(s.submittedAt())).setHeader(getTranslation("admin.dsr.submittedAt"));
        submissions.setAllRowsVisible(true);
        submissions.getElement().setAttribute("aria-label", getTranslation("admin.dsr.submissions"));
        drafts.addColumn(DataSubjectService.FoundDraft::formTitle).setHeader(getTranslation("admin.dsr.form")).setFlexGrow(2);
        drafts.addColumn(DataSubjectService.FoundDraft::formVersion).setHeader(getTranslation("admin.dsr.version"));
        drafts.addColumn(d -> dateTime(d.updatedAt())).setHeader(getTranslation("admin.dsr.updatedAt"));
        drafts.addColumn(d -> dateTime(d.expiresAt())).setHeader(getTranslation("admin.dsr.expiresAt"));
        drafts.setAllRowsVisible(true);
        drafts.getElement().setAttribute("aria-label", getTranslation("admin.dsr.drafts"));
        export.setText(getTranslation("admin.dsr.export"));
        export.setDownload(true);
        export.addClassName("dsr-export");
        erase.setText(getTranslation("admin.dsr.erase"));
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        erase.addClickListener(e -> confirmErase());
        actions.add(export, erase);
        actions.addClassName("dsr-actions");
        results.add(new H2(getTranslation("admin.dsr.results.title")), found, submissions, drafts, actions);
        results.setVisible(false);
        return results;
    }

    private Section requestLog() {
        log.addColumn(DataSubjectRequest::id).setHeader(getTranslation("admin.dsr.log.id")).setAutoWidth(true);
        log.addColumn(r -> getTranslation(TYPE_KEY_PREFIX + r.type().name())).setHeader(getTranslation("admin.dsr.log.type"));
        log.addColumn(r -> dateTime(r.at())).setHeader(getTranslation("admin.dsr.log.at"));
        log.addColumn(DataSubjectRequest::adminUser).setHeader(getTranslation("admin.dsr.log.admin"));
        log.addColumn(DataSubjectRequest::criteriaKinds).setHeader(getTranslation("admin.dsr.log.criteria"));
        log.addColumn(r -> String.join(", ", r.submissionReferences())
                        + (r.draftCount() > 0 ? " " + getTranslation("admin.dsr.log.drafts", r.draftCount()) : ""))
                .setHeader(getTranslation("admin.dsr.log.affected")).setFlexGrow(3);
        log.setAllRowsVisible(true);
        log.getElement().setAttribute("aria-labelledby", "dsr-log-heading");
        H2 title = new H2(getTranslation("admin.dsr.log.title"));
        title.setId("dsr-log-heading");
        return new Section(title, log);
    }

    void search() {
        DataSubjectService.Criteria given = new DataSubjectService.Criteria(email.getValue(), name.getValue(),
                birthDate.getValue(), value.getValue());
        if (given.isEmpty()) {
            searchError.setText(getTranslation("admin.dsr.error.empty"));
            searchError.setVisible(true);
            email.focus();
            return;
        }
        searchError.setVisible(false);
        criteria = given;
        show(requests.search(given, me));
        refreshLog();
    }

    private void show(DataSubjectService.Findings result) {
        findings = result;
        results.setVisible(true);
        found.setText(getTranslation("admin.dsr.found", result.submissions().size(), result.drafts().size()));
        submissions.setItems(result.submissions());
        drafts.setItems(result.drafts());
        boolean any = !result.submissions().isEmpty() || !result.drafts().isEmpty();
        actions.setVisible(any);
        DataSubjectService.Criteria exported = criteria;
        export.setHref(zip(exported));
    }

    private DownloadHandler zip(DataSubjectService.Criteria exported) {
        return event -> {
            event.setFileName("auskunft-" + LocalDate.now() + ".zip");
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                requests.export(exported, me, out);
            }
        };
    }

    void confirmErase() {
        dialog = Confirmation.open(this, getTranslation("admin.dsr.erase.confirm.title"),
                getTranslation("admin.dsr.erase.confirm.text", findings.submissions().size(), findings.drafts().size()),
                getTranslation("admin.dsr.erase.confirm.run"), this::erase);
    }

    private void erase() {
        DataSubjectService.Findings erased = requests.erase(criteria, me);
        Notification.show(getTranslation("admin.dsr.erased", erased.requestId(), erased.submissions().size(),
                erased.drafts().size()));
        show(new DataSubjectService.Findings(erased.requestId(), List.of(), List.of()));
        refreshLog();
    }

    void refreshLog() {
        log.setItems(requests.requests());
    }

    private String dateTime(OffsetDateTime at) {
        return Confirmation.dateTime(at, getLocale());
    }

    @Override
    protected String titleKey() {
        return "admin.dsr.title";
    }
}
