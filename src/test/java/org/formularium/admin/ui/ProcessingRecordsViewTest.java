package org.formularium.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import org.formularium.delivery.WebhookService;
import org.formularium.security.Role;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Art. 30 record page: administrators download the record of one form or of all; clerks are refused. */
class ProcessingRecordsViewTest extends AbstractKaribuTest {

    @Autowired
    WebhookService webhooks;

    @Test
    void an_admin_downloads_the_record_of_one_form_with_its_webhook_host_or_of_all_forms() {
        webhooks.add("fundsache", "https://fundbuero-" + System.nanoTime() + ".example/hook?key=geheim", "test");
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/processing-records");
        ProcessingRecordsView view = _get(ProcessingRecordsView.class);
        @SuppressWarnings("unchecked")
        Select<String> form = _get(Select.class, spec -> spec.withLabel("Formular"));
        assertThat(_get(Anchor.class, spec -> spec.withId("processing-record-download")).getText())
                .contains("alle-formulare");

        _setValue(form, "fundsache");

        Anchor download = _get(Anchor.class, spec -> spec.withId("processing-record-download"));
        assertThat(download.getText()).isEqualTo("Verzeichnis herunterladen (verarbeitungsverzeichnis-fundsache.html, HTML)");
        assertThat(download.getElement().hasAttribute("download")).isTrue();
        String one = new String(view.document("fundsache", Locale.GERMAN), StandardCharsets.UTF_8);
        assertThat(one).contains("<h2>Fundsache melden</h2>", ".example", "Eingänge: 365 Tage nach Eingang")
                .doesNotContain("geheim", "<h2>Bücherwunsch");
        String all = new String(view.document(ProcessingRecordsView.ALL, Locale.GERMAN), StandardCharsets.UTF_8);
        assertThat(all).contains("id=\"form-fundsache\"", "id=\"form-buecherwunsch\"", "id=\"form-parkausweis\"");
    }

    @Test
    void the_admin_page_links_to_the_records() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin");

        assertThat(_find(Anchor.class, spec -> spec.withText("Verzeichnis von Verarbeitungstätigkeiten")))
                .singleElement().satisfies(a -> assertThat(a.getHref()).isEqualTo("admin/processing-records"));
    }

    @Test
    void a_clerk_is_refused() {
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("admin/processing-records");

        assertThat(_find(ProcessingRecordsView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }
}
