package org.formularium.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.formularium.definition.store.FormService;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The form editor and its preview in the browser, signed in as designer: axe-clean and operable by keyboard. */
class EditorBrowserIT extends AbstractBrowserIT {

    @Autowired
    FormService forms;

    private String form() {
        String key = TestData.uniqueKey("browsered");
        forms.createDraft(TestData.contactForm(key, false), "designer");
        return key;
    }

    private List<String> storedKeys(String key) {
        List<String> keys = new ArrayList<>();
        forms.draft(key).orElseThrow().definition().at("/pages/0/elements").forEach(e -> keys.add(e.path("key").asText()));
        return keys;
    }

    @Test
    void editor_and_preview_have_no_axe_violations() {
        String key = form();
        login("designer", "demo");
        open("/builder/" + key);

        assertThat(page.locator("main h1").textContent()).contains(key);
        assertNoAxeViolations("editor with form settings");

        page.locator("#node-0-0").click();
        settle();
        page.locator("#prop-visibleIf-add").click();
        settle();
        page.locator("#prop-visibleIf-advanced").click();
        settle();
        assertNoAxeViolations("editor with a text field's properties and the condition editor");

        page.locator("#node-0-2").click();
        settle();
        assertNoAxeViolations("editor with a file field's properties");

        page.locator("#editor-preview").click();
        settle();
        page.locator("#preview-check").click();
        settle();
        assertThat(page.locator("#preview-status").textContent()).contains("Fehler");
        assertNoAxeViolations("preview with errors");
    }

    @Test
    void an_element_moves_with_alt_and_the_arrow_keys() {
        String key = form();
        login("designer", "demo");
        open("/builder/" + key);

        page.locator("#node-0-0").focus();
        page.keyboard().press("Alt+ArrowDown");
        settle();

        assertThat(page.locator("#node-0-1").textContent()).contains("Name");
        assertThat(page.locator("#node-0-0").textContent()).contains("E-Mail");
        assertThat(page.locator("#editor-announcer").textContent()).contains("Position 2 von 3");
        assertThat(storedKeys(key)).containsExactly("email", "name", "photo");

        // focus stays on the moved element: moving it again needs no mouse
        page.keyboard().press("Alt+ArrowDown");
        settle();
        assertThat(storedKeys(key)).containsExactly("email", "photo", "name");
        page.keyboard().press("Alt+ArrowUp");
        settle();
        assertThat(storedKeys(key)).containsExactly("email", "name", "photo");
    }
}
