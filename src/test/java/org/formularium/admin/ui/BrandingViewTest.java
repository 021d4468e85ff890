package org.formularium.admin.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.security.Role;
import org.formularium.shared.branding.BrandingService;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Uses the voerde pack from themes/ and the small test pack from src/test/resources/branding/testpack. */
class BrandingViewTest extends AbstractKaribuTest {

    @Autowired
    BrandingService branding;
    @Autowired
    FormService forms;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forgetChoices() {
        jdbc.update("delete from app_setting where setting_key like 'branding.%'");
    }

    @SuppressWarnings("unchecked")
    private Select<String> packSelect() {
        return _get(Select.class, spec -> spec.withLabel("Gestaltungspaket"));
    }

    @Test
    void packs_are_listed_and_previewed() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/branding");
        BrandingView view = _get(BrandingView.class);

        assertThat(packSelect().getListDataView().getItems()).contains("voerde", "testpack");
        assertThat(view.activeInfo.getText()).isEqualTo("Aktives Paket: voerde (aus der Konfiguration formularium.branding.pack)");
        assertThat(view.preview.getElement().getTextRecursively()).contains("Stadt Voerde (Niederrhein)", "--lumo-primary-color: #15703f");

        packSelect().setValue("testpack");

        String preview = view.preview.getElement().getTextRecursively();
        assertThat(preview).contains("Vorschau: testpack", "Testgemeinde Beispielstadt", "--lumo-primary-color: #1a4f8b",
                "Impressum: https://example.org/impressum", "Testgemeinde – Bürgerbüro", "Testfußzeile", "Kein Logo");
        assertThat(view.makeActive.getElement().getAttribute("aria-label")).isEqualTo("Paket testpack als aktives Paket festlegen");
    }

    @Test
    void another_pack_becomes_active_and_the_choice_can_be_reset() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/branding");
        BrandingView view = _get(BrandingView.class);

        packSelect().setValue("testpack");
        _click(view.makeActive);

        assertThat(branding.active().name()).isEqualTo("testpack");
        assertThat(branding.active().organisation(java.util.Locale.GERMAN)).isEqualTo("Testgemeinde Beispielstadt");
        assertThat(view.activeInfo.getText()).isEqualTo("Aktives Paket: testpack (in der Verwaltung gewählt)");

        _click(_get(Button.class, spec -> spec.withText("Auf Konfiguration zurücksetzen")));

        assertThat(branding.active().name()).isEqualTo("voerde");
        assertThat(branding.storedActive()).isEmpty();
    }

    @Test
    void a_form_gets_its_own_pack_and_loses_it_again() {
        String formKey = TestData.uniqueKey("brand");
        forms.create(TestData.contactForm(formKey, false), "test", true);
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/branding");
        BrandingView view = _get(BrandingView.class);
        @SuppressWarnings("unchecked")
        Select<FormSummary> form = _get(Select.class, spec -> spec.withLabel("Formular"));
        form.setValue(form.getListDataView().getItems().filter(f -> f.key().equals(formKey)).findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Select<String> formPack = _get(Select.class, spec -> spec.withLabel("Paket für das Formular"));
        formPack.setValue("testpack");
        _click(_get(Button.class, spec -> spec.withText("Zuordnung speichern")));

        assertThat(branding.forForm(formKey).name()).isEqualTo("testpack");
        assertThat(branding.active().name()).isEqualTo("voerde");
        assertThat(branding.forForm("some-other-form").name()).isEqualTo("voerde");
        assertThat(_size(view.overrides)).isEqualTo(1);
        assertThat(String.join(" | ", GridKt._getFormattedRow(view.overrides, 0))).contains(formKey, "testpack");

        Button remove = (Button) GridKt._getCellComponent(view.overrides, 0, "action");
        assertThat(remove.getElement().getAttribute("aria-label")).startsWith("Zuordnung für Formular ").contains(formKey);
        _click(remove);

        assertThat(branding.forForm(formKey).name()).isEqualTo("voerde");
        assertThat(_size(view.overrides)).isZero();
    }

    @Test
    void a_clerk_cannot_open_the_branding() {
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("admin/branding");

        assertThat(_find(BrandingView.class)).isEmpty();
    }
}
