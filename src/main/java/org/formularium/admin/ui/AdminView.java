package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.delivery.MailGateway;
import org.formularium.delivery.OutboxMonitor;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.info.BuildProperties;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Administration: the system's health — database, mail, outbox with its dead letters — and the build. */
@Route(value = "admin", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class AdminView extends ViewSupport {

    private final transient OutboxMonitor outbox;
    private final transient HealthEndpoint health;
    private final transient MailGateway mail;
    private final transient ObjectProvider<BuildProperties> build;
    final DescriptionList facts = new DescriptionList();
    final Grid<OutboxMonitor.Task> deadLetters = new Grid<>();

    public AdminView(OutboxMonitor outbox, HealthEndpoint health, MailGateway mail, ObjectProvider<BuildProperties> build) {
        this.outbox = outbox;
        this.health = health;
        this.mail = mail;
        this.build = build;
        add(heading(), new Paragraph(getTranslation("admin.intro")));
        UnorderedList sections = new UnorderedList(
                new ListItem(new Anchor("admin/users", getTranslation("admin.users.title"))),
                new ListItem(new Anchor("admin/responsibilities", getTranslation("admin.responsibilities.title"))),
                new ListItem(new Anchor("admin/api-keys", getTranslation("admin.apiKeys.title"))),
                new ListItem(new Anchor("admin/encryption", getTranslation("admin.encryption.title"))),
                new ListItem(new Anchor("admin/retention", getTranslation("admin.retention.title"))),
                new ListItem(new Anchor("admin/data-subject-requests", getTranslation("admin.dsr.title"))),
                new ListItem(new Anchor("admin/processing-records", getTranslation("admin.processingRecords.title"))),
                new ListItem(new Anchor("admin/audit", getTranslation("admin.audit.title"))));
        sections.addClassName("admin-sections");
        Nav sectionNav = new Nav(sections);
        sectionNav.getElement().setAttribute("aria-label", getTranslation("admin.sections"));
        add(sectionNav);
        H2 system = new H2(getTranslation("admin.system.title"));
        facts.addClassName("system-facts");
        H2 dead = new H2(getTranslation("admin.outbox.dead.title"));
        dead.setId("dead-letters-heading");
        configureGrid();
        add(system, facts, dead, new Paragraph(getTranslation("admin.outbox.dead.intro")), deadLetters);
        refresh();
    }

    private void configureGrid() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        deadLetters.addColumn(OutboxMonitor.Task::kind).setHeader(getTranslation("admin.outbox.kind")).setAutoWidth(true);
        deadLetters.addColumn(t -> t.createdAt().format(format)).setHeader(getTranslation("admin.outbox.created"));
        deadLetters.addColumn(OutboxMonitor.Task::attempts).setHeader(getTranslation("admin.outbox.attempts"));
        deadLetters.addColumn(OutboxMonitor.Task::lastError).setHeader(getTranslation("admin.outbox.error"))
                .setFlexGrow(3);
        deadLetters.addComponentColumn(task -> {
            Button retry = new Button(getTranslation("admin.outbox.retry"), e -> retry(task));
            retry.getElement().setAttribute("aria-label", getTranslation("admin.outbox.retry.named", task.kind(), task.id()));
            return retry;
        }).setHeader(getTranslation("admin.outbox.action")).setKey("action");
        deadLetters.setAllRowsVisible(true);
        deadLetters.getElement().setAttribute("aria-labelledby", "dead-letters-heading");
    }

    void retry(OutboxMonitor.Task task) {
        boolean queued = outbox.retryNow(task.id());
        Notification.show(getTranslation(queued ? "admin.outbox.retried" : "admin.outbox.notRetried"));
        refresh();
    }

    void refresh() {
        OutboxMonitor.Health outboxHealth = outbox.health();
        Status database = health.healthForPath("db") == null ? Status.UNKNOWN : health.healthForPath("db").getStatus();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        facts.removeAll();
        fact("admin.system.database", database.getCode());
        fact("admin.system.mail", getTranslation(mail.configured() ? "admin.system.mail.smtp" : "admin.system.mail.log"));
        fact("admin.outbox.pending", String.valueOf(outboxHealth.pending()));
        fact("admin.outbox.oldest", outboxHealth.oldestPending() == null ? "–" : outboxHealth.oldestPending().format(format));
        fact("admin.outbox.failed24h", String.valueOf(outboxHealth.failedLast24h()));
        fact("admin.outbox.dead", String.valueOf(outboxHealth.dead()));
        BuildProperties properties = build.getIfAvailable();
        fact("admin.system.version", properties == null ? "–" : properties.getVersion()
                + (properties.getTime() == null ? "" : " (" + properties.getTime() + ")"));
        deadLetters.setItems(outbox.deadLetters(100));
    }

    private void fact(String key, String value) {
        facts.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    protected String titleKey() {
        return "admin.title";
    }
}
