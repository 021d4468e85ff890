package org.formularium.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.options.AriaRole;
import org.formularium.definition.store.FormService;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The designers' form list and versions view: zero axe violations, and a form is created with the keyboard alone. */
class BuilderListBrowserIT extends AbstractBrowserIT {

    @Autowired
    FormService forms;

    @Test
    void the_list_its_create_dialog_and_the_versions_view_have_no_axe_violations() {
        String key = TestData.uniqueKey("axe");
        forms.create(TestData.contactForm(key, false), "designer", true);
        ObjectNode changed = TestData.contactForm(key, true).deepCopy();
        ((ObjectNode) changed.get("title")).put("de", "Kontaktformular neu");
        forms.saveDraft(key, changed, null, "designer");
        forms.publish(key, null, "designer");
        login("designer", "demo");

        open("/builder");
        assertThat(page.locator("main h1").textContent()).isEqualTo("Formular-Designer");
        assertNoAxeViolations("/builder");

        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Formular anlegen")).click();
        page.waitForSelector("vaadin-dialog-overlay[opened]");
        settle();
        assertNoAxeViolations("/builder with the create dialog");
        page.keyboard().press("Escape");

        open("/builder/" + key + "/versions");
        assertThat(page.locator("main h1").textContent()).isEqualTo("Versionen des Formulars " + key);
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Vergleichen")).click();
        page.waitForSelector("#comparison-heading");
        settle();
        assertThat(page.locator(".version-comparison").textContent()).contains("Geänderte Angaben des Formulars: title, confirmation");
        assertNoAxeViolations("/builder/" + key + "/versions with a comparison");
    }

    @Test
    void a_form_is_created_with_the_keyboard_alone() {
        String key = TestData.uniqueKey("tastatur");
        login("designer", "demo");
        open("/builder");

        for (int i = 0; i < 40 && !"Formular anlegen".equals(focusedName()); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(focusedName()).isEqualTo("Formular anlegen");
        page.keyboard().press("Enter");
        page.waitForSelector("vaadin-dialog-overlay[opened]");
        settle();

        assertThat(focusedName()).startsWith("Schlüssel");
        page.keyboard().type(key);
        page.keyboard().press("Tab");
        assertThat(focusedName()).startsWith("Titel (Deutsch)");
        page.keyboard().type("Tastaturformular");
        page.keyboard().press("Tab");
        assertThat(focusedName()).startsWith("Titel (Englisch, optional)");
        for (int i = 0; i < 5 && !"Anlegen".equals(focusedName()); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(focusedName()).isEqualTo("Anlegen");
        page.keyboard().press("Enter");

        page.waitForURL(u -> u.endsWith("/builder/" + key));
        assertThat(forms.draft(key)).isPresent();
        assertThat(forms.draft(key).orElseThrow().definition().at("/title/de").asText()).isEqualTo("Tastaturformular");
    }
}
