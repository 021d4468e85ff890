package org.formularium.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.delivery.OutboxMonitor;
import org.formularium.delivery.Webhook;
import org.formularium.delivery.WebhookAttempt;
import org.formularium.delivery.WebhookService;
import org.formularium.security.Role;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** Administration: webhooks per form — add, rotate the secret, enable/disable, test, delivery log with retry. */
@Route(value = "admin/webhooks", layout = MainLayout.class)
@RolesAllowed(Role.ADMIN_NAME)
public class WebhooksView extends ViewSupport {

    private final transient WebhookService webhooks;
    private final transient OutboxMonitor outbox;
    private final transient AuthenticationContext authentication;

    final Select<FormSummary> form = new Select<>();
    final Grid<Webhook> grid = new Grid<>();
    final TextField url = new TextField();
    final Button add = new Button();
    final Paragraph status = new Paragraph();
    /** The secret, shown once after creation or rotation; {@code null} when no secret dialog is open. */
    TextField secretField;
    Dialog secretDialog;
    Dialog logDialog;
    Grid<WebhookAttempt> attempts;
    Grid<OutboxMonitor.Task> dead;

    public WebhooksView(FormService forms, WebhookService webhooks, OutboxMonitor outbox,
                        AuthenticationContext authentication) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.authentication = authentication;
        add(heading(), new Paragraph(getTranslation("admin.webhooks.intro")));

        form.setLabel(getTranslation("admin.webhooks.form"));
        List<FormSummary> all = forms.allForms();
        form.setItems(all);
        form.setItemLabelGenerator(this::formLabel);
        form.addValueChangeListener(e -> refresh());

        H2 listHeading = new H2(getTranslation("admin.webhooks.list"));
        listHeading.setId("webhooks-heading");
        configureGrid();

        url.setLabel(getTranslation("admin.webhooks.url"));
        url.setHelperText(getTranslation("admin.webhooks.url.help"));
        url.setWidth("32em");
        add.setText(getTranslation("admin.webhooks.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addWebhook());
        HorizontalLayout addRow = new HorizontalLayout(url, add);
        addRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);

        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        status.addClassName("admin-status");

        add(form, listHeading, grid, addRow, status);
        if (!all.isEmpty()) {
            form.setValue(all.get(0));
        }
        refresh();
    }

    private String formLabel(FormSummary f) {
        String title = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage()) && f.titleEn() != null
                ? f.titleEn() : f.title();
        return (title == null || title.isBlank() ? f.key() : title) + " (" + f.key() + ")";
    }

    private DateTimeFormatter format() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
    }

    private void configureGrid() {
        grid.addColumn(Webhook::url).setHeader(getTranslation("admin.webhooks.url")).setFlexGrow(3).setKey("url");
        grid.addColumn(w -> getTranslation(w.enabled() ? "admin.webhooks.enabled.yes" : "admin.webhooks.enabled.no"))
                .setHeader(getTranslation("admin.webhooks.enabled")).setKey("enabled").setAutoWidth(true);
        grid.addColumn(w -> w.createdAt().format(format()) + " – " + w.createdBy())
                .setHeader(getTranslation("admin.webhooks.created")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("admin.webhooks.actions")).setKey("actions")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-labelledby", "webhooks-heading");
        grid.setEmptyStateText(getTranslation("admin.webhooks.none"));
    }

    private HorizontalLayout actions(Webhook w) {
        Button rotate = named(new Button(getTranslation("admin.webhooks.rotate"), e -> rotate(w)),
                "admin.webhooks.rotate.named", w);
        Button toggle = named(new Button(getTranslation(w.enabled() ? "admin.webhooks.disable" : "admin.webhooks.enable"),
                e -> setEnabled(w, !w.enabled())), w.enabled() ? "admin.webhooks.disable.named" : "admin.webhooks.enable.named", w);
        Button test = named(new Button(getTranslation("admin.webhooks.test"), e -> test(w)), "admin.webhooks.test.named", w);
        Button log = named(new Button(getTranslation("admin.webhooks.log"), e -> openLog(w)), "admin.webhooks.log.named", w);
        rotate.setId("rotate-" + w.id());
        toggle.setId("toggle-" + w.id());
        test.setId("test-" + w.id());
        log.setId("log-" + w.id());
        for (Button b : List.of(rotate, toggle, test, log)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout row = new HorizontalLayout(rotate, toggle, test, log);
        row.setSpacing(true);
        return row;
    }

    private Button named(Button button, String key, Webhook w) {
        button.getElement().setAttribute("aria-label", getTranslation(key, w.url()));
        return button;
    }

    void addWebhook() {
        FormSummary chosen = form.getValue();
        if (chosen == null) {
            form.setInvalid(true);
            form.setErrorMessage(getTranslation("admin.webhooks.form.required"));
            return;
        }
        String value = url.getValue() == null ? "" : url.getValue().trim();
        if (!WebhookService.validUrl(value)) {
            url.setInvalid(true);
            url.setErrorMessage(getTranslation("admin.webhooks.url.invalid"));
            return;
        }
        url.setInvalid(false);
        Webhook created = webhooks.add(chosen.key(), value, user());
        url.clear();
        refresh();
        showSecret(created, "admin.webhooks.secret.created");
    }

    void rotate(Webhook w) {
        Webhook rotated = webhooks.rotateSecret(w.id());
        refresh();
        showSecret(rotated, "admin.webhooks.secret.rotated");
    }

    void setEnabled(Webhook w, boolean enabled) {
        webhooks.setEnabled(w.id(), enabled);
        status.setText(getTranslation(enabled ? "admin.webhooks.enabled.done" : "admin.webhooks.disabled.done", w.url()));
        refresh();
    }

    void test(Webhook w) {
        WebhookService.TestResult result = webhooks.sendTest(w.id());
        if (result.statusCode() != null) {
            status.setText(getTranslation(result.successful() ? "admin.webhooks.test.ok" : "admin.webhooks.test.failed",
                    w.url(), result.statusCode(), result.durationMs()));
        } else {
            status.setText(getTranslation("admin.webhooks.test.error", w.url(), result.error()));
        }
    }

    private void showSecret(Webhook w, String introKey) {
        secretDialog = new Dialog();
        secretDialog.setHeaderTitle(getTranslation("admin.webhooks.secret.title"));
        secretDialog.getElement().setAttribute("aria-label", getTranslation("admin.webhooks.secret.title"));
        secretField = new TextField(getTranslation("admin.webhooks.secret"));
        secretField.setValue(w.secret());
        secretField.setReadOnly(true);
        secretField.setWidthFull();
        Paragraph intro = new Paragraph(getTranslation(introKey, w.url()));
        Paragraph hint = new Paragraph(getTranslation("admin.webhooks.secret.hint"));
        Button close = new Button(getTranslation("admin.webhooks.secret.close"), e -> closeSecret());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        secretDialog.add(intro, secretField, hint);
        secretDialog.getFooter().add(close);
        secretDialog.setCloseOnOutsideClick(false);
        secretDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                forgetSecret();
            }
        });
        add(secretDialog);
        secretDialog.open();
    }

    void closeSecret() {
        if (secretDialog != null) {
            secretDialog.close();
        }
        forgetSecret();
    }

    private void forgetSecret() {
        if (secretField != null) {
            secretField.clear();
        }
        if (secretDialog != null) {
            remove(secretDialog);
        }
        secretField = null;
        secretDialog = null;
    }

    void openLog(Webhook w) {
        logDialog = new Dialog();
        String title = getTranslation("admin.webhooks.log.title", w.url());
        logDialog.setHeaderTitle(title);
        logDialog.getElement().setAttribute("aria-label", title);
        logDialog.setWidth("min(60em, 95vw)");

        H3 attemptsHeading = new H3(getTranslation("admin.webhooks.log.attempts"));
        attemptsHeading.setId("attempts-heading-" + w.id());
        attempts = new Grid<>();
        attempts.addColumn(WebhookAttempt::attempt).setHeader(getTranslation("admin.webhooks.log.attempt")).setAutoWidth(true);
        attempts.addColumn(a -> a.statusCode() == null ? "–" : String.valueOf(a.statusCode()))
                .setHeader(getTranslation("admin.webhooks.log.status")).setAutoWidth(true).setKey("status");
        attempts.addColumn(a -> a.error() == null ? "–" : a.error()).setHeader(getTranslation("admin.webhooks.log.error"))
                .setFlexGrow(3);
        attempts.addColumn(a -> getTranslation("admin.webhooks.log.ms", a.durationMs()))
                .setHeader(getTranslation("admin.webhooks.log.duration")).setAutoWidth(true);
        attempts.addColumn(a -> a.attemptedAt().format(format())).setHeader(getTranslation("admin.webhooks.log.time"))
                .setAutoWidth(true);
        attempts.setAllRowsVisible(true);
        attempts.getElement().setAttribute("aria-labelledby", attemptsHeading.getId().orElseThrow());
        attempts.setEmptyStateText(getTranslation("admin.webhooks.log.none"));

        H3 deadHeading = new H3(getTranslation("admin.webhooks.dead"));
        deadHeading.setId("dead-heading-" + w.id());
        dead = new Grid<>();
        dead.addColumn(t -> "#" + t.id()).setHeader(getTranslation("admin.webhooks.dead.task")).setAutoWidth(true);
        dead.addColumn(t -> t.createdAt().format(format())).setHeader(getTranslation("admin.outbox.created")).setAutoWidth(true);
        dead.addColumn(OutboxMonitor.Task::lastError).setHeader(getTranslation("admin.outbox.error")).setFlexGrow(3);
        dead.addComponentColumn(t -> {
            Button retry = new Button(getTranslation("admin.outbox.retry"), e -> retry(w, t));
            retry.getElement().setAttribute("aria-label", getTranslation("admin.webhooks.retry.named", t.id(), w.url()));
            return retry;
        }).setHeader(getTranslation("admin.outbox.action")).setKey("action");
        dead.setAllRowsVisible(true);
        dead.getElement().setAttribute("aria-labelledby", deadHeading.getId().orElseThrow());
        dead.setEmptyStateText(getTranslation("admin.webhooks.dead.none"));

        Button close = new Button(getTranslation("admin.webhooks.log.close"), e -> logDialog.close());
        logDialog.add(attemptsHeading, attempts, deadHeading, dead);
        logDialog.getFooter().add(close);
        logDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(logDialog);
            }
        });
        add(logDialog);
        refreshLog(w);
        logDialog.open();
    }

    private void refreshLog(Webhook w) {
        attempts.setItems(webhooks.attempts(w.id(), 100));
        dead.setItems(outbox.deadLettersOfWebhook(w.id(), 100));
    }

    void retry(Webhook w, OutboxMonitor.Task task) {
        boolean queued = outbox.retryNow(task.id());
        status.setText(getTranslation(queued ? "admin.outbox.retried" : "admin.outbox.notRetried"));
        refreshLog(w);
    }

    void refresh() {
        FormSummary chosen = form.getValue();
        grid.setItems(chosen == null ? List.of() : webhooks.of(chosen.key()));
        add.setEnabled(chosen != null);
    }

    private String user() {
        return authentication.getPrincipalName().orElse("admin");
    }

    @Override
    protected String titleKey() {
        return "admin.webhooks.title";
    }
}
