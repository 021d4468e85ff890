package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.delivery.Webhook;
import org.formularium.delivery.WebhookService;
import org.formularium.security.Role;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class WebhooksViewTest extends AbstractKaribuTest {

    @Autowired
    FormService forms;
    @Autowired
    WebhookService webhooks;
    @Autowired
    JdbcTemplate jdbc;

    HttpServer receiver;
    final List<String[]> received = new CopyOnWriteArrayList<>();
    String formKey;

    @BeforeEach
    void setUp() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{body, exchange.getRequestHeaders().getFirst(WebhookService.SIGNATURE_HEADER)});
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        formKey = TestData.uniqueKey("adminhook");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/webhooks");
        @SuppressWarnings("unchecked")
        Select<FormSummary> form = _get(Select.class, spec -> spec.withLabel("Formular"));
        form.setValue(form.getListDataView().getItems().filter(f -> f.key().equals(formKey)).findFirst().orElseThrow());
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private Webhook addViaUi(String url) {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Webhook-URL")), url);
        _click(_get(Button.class, spec -> spec.withText("Webhook hinzufügen")));
        return webhooks.of(formKey).get(webhooks.of(formKey).size() - 1);
    }

    private Button rowButton(WebhooksView view, Webhook w, String idPrefix) {
        for (int i = 0; i < _size(view.grid); i++) {
            if (GridKt._get(view.grid, i).id() == w.id()) {
                HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, i, "actions");
                return (Button) actions.getChildren().filter(c -> c.getId().orElse("").equals(idPrefix + w.id()))
                        .findFirst().orElseThrow();
            }
        }
        throw new AssertionError("webhook not listed: " + w.url());
    }

    @Test
    void an_invalid_url_is_refused_with_a_message() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("Webhook-URL")), "file:///etc/passwd");
        _click(_get(Button.class, spec -> spec.withText("Webhook hinzufügen")));

        TextField url = _get(TextField.class, spec -> spec.withLabel("Webhook-URL"));
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).isEqualTo("Die Adresse ist keine gültige http- oder https-URL mit Rechnername.");
        assertThat(webhooks.of(formKey)).isEmpty();
        assertThat(_find(Dialog.class)).isEmpty();
    }

    @Test
    void a_valid_webhook_is_added_and_its_secret_shown_once() {
        Webhook added = addViaUi(hookUrl());

        WebhooksView view = _get(WebhooksView.class);
        TextField secret = _get(TextField.class, spec -> spec.withLabel("Geheimnis"));
        assertThat(secret.getValue()).isEqualTo(added.secret()).startsWith("whsec_");
        assertThat(secret.isReadOnly()).isTrue();
        assertThat(_get(Dialog.class).getElement().getAttribute("aria-label")).isEqualTo("Geheimnis des Webhooks");
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains(hookUrl(), "Ja").doesNotContain(added.secret());

        _click(_get(Button.class, spec -> spec.withText("Ich habe das Geheimnis kopiert")));
        assertThat(_find(TextField.class, spec -> spec.withLabel("Geheimnis"))).isEmpty();
        assertThat(view.getElement().getTextRecursively()).doesNotContain(added.secret());
    }

    @Test
    void rotating_changes_the_secret_and_shows_the_new_one() {
        Webhook added = addViaUi(hookUrl());
        _click(_get(Button.class, spec -> spec.withText("Ich habe das Geheimnis kopiert")));
        WebhooksView view = _get(WebhooksView.class);

        Button rotate = rowButton(view, added, "rotate-");
        assertThat(rotate.getElement().getAttribute("aria-label")).isEqualTo("Geheimnis von Webhook " + hookUrl() + " erneuern");
        _click(rotate);

        String shown = _get(TextField.class, spec -> spec.withLabel("Geheimnis")).getValue();
        String stored = webhooks.find(added.id()).orElseThrow().secret();
        assertThat(shown).isEqualTo(stored).isNotEqualTo(added.secret());
    }

    @Test
    void a_webhook_can_be_disabled_and_enabled() {
        Webhook added = addViaUi(hookUrl());
        _click(_get(Button.class, spec -> spec.withText("Ich habe das Geheimnis kopiert")));
        WebhooksView view = _get(WebhooksView.class);

        Button disable = rowButton(view, added, "toggle-");
        assertThat(disable.getElement().getAttribute("aria-label")).isEqualTo("Webhook " + hookUrl() + " deaktivieren");
        _click(disable);

        assertThat(webhooks.find(added.id()).orElseThrow().enabled()).isFalse();
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("Nein");
        Button enable = rowButton(view, added, "toggle-");
        assertThat(enable.getElement().getAttribute("aria-label")).isEqualTo("Webhook " + hookUrl() + " aktivieren");
        _click(enable);
        assertThat(webhooks.find(added.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void a_test_delivery_reaches_a_real_receiver_with_a_valid_signature() {
        Webhook added = addViaUi(hookUrl());
        _click(_get(Button.class, spec -> spec.withText("Ich habe das Geheimnis kopiert")));
        WebhooksView view = _get(WebhooksView.class);

        _click(rowButton(view, added, "test-"));

        assertThat(received).hasSize(1);
        String body = received.get(0)[0];
        String signature = received.get(0)[1];
        assertThat(body).contains("\"type\":\"webhook.test\"", formKey);
        long t = Long.parseLong(signature.replaceAll("t=(\\d+),v1=.*", "$1"));
        assertThat(signature).isEqualTo(WebhookService.signature(added.secret(), t, body));
        assertThat(view.status.getText()).startsWith("Testzustellung an " + hookUrl() + ": erfolgreich, Statuscode 202");
    }

    @Test
    void a_test_delivery_to_an_unreachable_url_shows_the_error() {
        receiver.stop(0);
        Webhook added = addViaUi(hookUrl());
        _click(_get(Button.class, spec -> spec.withText("Ich habe das Geheimnis kopiert")));
        WebhooksView view = _get(WebhooksView.class);

        _click(rowButton(view, added, "test-"));

        assertThat(view.status.getText()).startsWith("Testzustellung an " + hookUrl() + ": keine Antwort (");
    }

    @Test
    void the_delivery_log_shows_attempts_and_dead_letters_can_be_retried() {
        Webhook added = addViaUi(hookUrl());
        _click(_get(Button.class, spec -> spec.withText("Ich habe das Geheimnis kopiert")));
        webhooks.setEnabled(added.id(), false); // the worker then finishes a retried item without posting
        Long deadId = jdbc.queryForObject("insert into outbox(kind, status, attempts, next_attempt_at, last_error, created_at, payload)"
                + " values ('WEBHOOK', 'DEAD', 4, now(), 'HTTP 500', now(), cast(? as jsonb)) returning id", Long.class,
                "{\"webhookId\":" + added.id() + ",\"event\":{\"id\":\"evt-x\"}}");
        for (int attempt = 1; attempt <= 2; attempt++) {
            jdbc.update("insert into webhook_delivery(outbox_id, webhook_id, attempt, status_code, error, duration_ms, attempted_at)"
                    + " values (?, ?, ?, 500, 'HTTP 500', 12, now())", deadId, added.id(), attempt);
        }
        WebhooksView view = _get(WebhooksView.class);

        Button log = rowButton(view, added, "log-");
        assertThat(log.getElement().getAttribute("aria-label")).isEqualTo("Zustellprotokoll von Webhook " + hookUrl() + " anzeigen");
        _click(log);

        assertThat(_get(Dialog.class).getElement().getAttribute("aria-label")).isEqualTo("Zustellprotokoll von " + hookUrl());
        assertThat(_size(view.attempts)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(view.attempts, 0)).contains("2", "500", "HTTP 500", "12 ms");
        assertThat(_size(view.dead)).isEqualTo(1);
        Button retry = (Button) GridKt._getCellComponent(view.dead, 0, "action");
        assertThat(retry.getElement().getAttribute("aria-label"))
                .isEqualTo("Zustellung Nr. " + deadId + " an Webhook " + hookUrl() + " erneut versuchen");
        _click(retry);

        assertThat(jdbc.queryForObject("select status from outbox where id = ?", String.class, deadId)).isIn("PENDING", "DONE");
        assertThat(_size(view.dead)).isZero();
    }

    @Test
    void the_navigation_leads_admins_to_webhooks_and_branding() {
        assertThat(_find(com.vaadin.flow.component.sidenav.SideNavItem.class))
                .extracting(com.vaadin.flow.component.sidenav.SideNavItem::getPath)
                .contains("admin", "admin/webhooks", "admin/branding");
    }

    @Test
    void the_view_speaks_english() {
        Webhook added = webhooks.add(formKey, hookUrl(), "admin");
        UI.getCurrent().navigate("admin");
        useLanguage(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("admin/webhooks");
        @SuppressWarnings("unchecked")
        Select<FormSummary> form = _get(Select.class, spec -> spec.withLabel("Form"));
        form.setValue(form.getListDataView().getItems().filter(f -> f.key().equals(formKey)).findFirst().orElseThrow());
        WebhooksView view = _get(WebhooksView.class);

        assertThat(rowButton(view, added, "toggle-").getElement().getAttribute("aria-label"))
                .isEqualTo("Disable webhook " + hookUrl());
        _setValue(_get(TextField.class, spec -> spec.withLabel("Webhook URL")), "not a url");
        _click(_get(Button.class, spec -> spec.withText("Add webhook")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Webhook URL")).getErrorMessage())
                .isEqualTo("The address is not a valid http or https URL with a host name.");
    }

    @Test
    void a_clerk_cannot_open_the_webhooks() {
        logout();
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("admin/webhooks");

        assertThat(_find(WebhooksView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }
}
