package org.formularium.runtime.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.server.CustomizedSystemMessages;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogueViewTest extends AbstractKaribuTest {

    @Autowired
    RuntimeSystemMessages systemMessages;

    @Test
    void catalogue_lists_every_published_demo_form_grouped_by_topic_with_links() {
        UI.getCurrent().navigate("forms");

        assertThat(_find(Anchor.class, spec -> spec.withText("Ausnahmegenehmigung Parkausweis")))
                .singleElement().extracting(Anchor::getHref).isEqualTo("f/parkausweis");
        // other tests in the same database publish forms of their own: the six demo forms must all be there
        assertThat(_find(_get(CatalogueView.class).results, Anchor.class)).extracting(Anchor::getHref)
                .contains("f/buecherwunsch", "f/fischereischein", "f/fundsache", "f/veranstaltung", "f/parkausweis",
                        "f/ideen-beschwerden");
        assertThat(_find(H2.class).stream().map(H2::getText)).contains("Verkehr und Mobilität");
    }

    @Test
    void search_by_title_filters_and_announces_the_count() {
        UI.getCurrent().navigate("forms");
        CatalogueView view = _get(CatalogueView.class);

        _setValue(view.search, "fisch");

        assertThat(_find(view.results, Anchor.class)).extracting(Anchor::getText).containsExactly("Fischereischein beantragen");
        assertThat(view.resultCount.getText()).isEqualTo("1 Formular gefunden");
        assertThat(view.resultCount.getElement().getAttribute("role")).isEqualTo("status");
    }

    @Test
    void english_catalogue_uses_english_titles() {
        useLanguage(Locale.ENGLISH);
        UI.getCurrent().navigate("login");
        UI.getCurrent().navigate("forms");

        assertThat(_find(_get(CatalogueView.class).results, Anchor.class)).extracting(Anchor::getText)
                .contains("Parking permit (exemption)");
    }

    @Test
    void session_expiry_is_explained_in_german_and_english_and_reloads_the_page() {
        CustomizedSystemMessages german = systemMessages.messages(Locale.GERMAN);
        CustomizedSystemMessages english = systemMessages.messages(Locale.ENGLISH);

        assertThat(german.getSessionExpiredCaption()).isEqualTo("Sitzung abgelaufen");
        assertThat(english.getSessionExpiredCaption()).isEqualTo("Session expired");
        assertThat(german.isSessionExpiredNotificationEnabled()).isTrue();
        assertThat(german.getSessionExpiredURL()).isNull();
    }
}
