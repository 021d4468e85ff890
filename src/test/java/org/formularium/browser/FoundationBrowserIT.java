package org.formularium.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoundationBrowserIT extends AbstractBrowserIT {

    @Test
    void login_page_has_no_axe_violations_in_german_and_english() {
        open("/login");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("de");
        assertThat(page.title()).isEqualTo("Anmelden – Formularium");
        assertNoAxeViolations("/login (de)");

        page.getByText("English").click();
        page.waitForFunction("() => document.documentElement.lang === 'en'");
        settle();
        assertThat(page.locator("main h1").textContent()).isEqualTo("Log in");
        assertNoAxeViolations("/login (en)");
    }

    @Test
    void catalogue_has_no_axe_violations() {
        open("/forms");

        assertThat(page.locator("main h1").textContent()).isEqualTo("Formulare");
        assertNoAxeViolations("/forms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/builder", "/backoffice", "/admin"})
    void anonymous_access_to_a_staff_area_lands_on_the_login_page(String path) {
        page.navigate(url(path));
        page.waitForURL(u -> u.endsWith("/login"));
        settle();

        assertThat(page.locator("main h1").textContent()).isEqualTo("Anmelden");
    }

    @Test
    void clerk_cannot_open_the_builder() {
        login("clerk", "demo");

        open("/builder");

        assertThat(page.locator("main h1").textContent()).isEqualTo("Kein Zugriff");
        assertThat(page.getByText("Formular-Designer").count()).isZero();
        assertNoAxeViolations("/builder as clerk");
    }

    @Test
    void designer_logs_in_and_reaches_the_builder() {
        login("designer", "demo");

        open("/builder");

        assertThat(page.locator("main h1").textContent()).isEqualTo("Formular-Designer");
        assertNoAxeViolations("/builder as designer");
    }

    @Test
    void wrong_password_keeps_the_user_on_the_login_page_with_a_message() {
        open("/login");
        page.getByLabel("Benutzername").fill("clerk");
        page.getByLabel("Passwort", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("wrong");
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.contains("error"));
        settle();

        assertThat(page.getByText("Benutzername oder Passwort ist falsch").isVisible()).isTrue();
        assertNoAxeViolations("/login?error");
    }

    @Test
    void keyboard_reaches_every_control_with_a_name_and_the_skip_link_comes_first() {
        open("/forms");

        List<FocusStop> stops = tabThroughPage(30);

        assertThat(stops).isNotEmpty();
        assertThat(stops.get(0).name()).isEqualTo("Zum Inhalt springen");
        assertThat(stops).allSatisfy(stop -> assertThat(stop.name()).as("accessible name of " + stop).isNotBlank());
        assertThat(stops).extracting(FocusStop::name).contains("Anmelden", "Formulare", "Impressum")
                .anySatisfy(name -> assertThat(name).contains("English"));
    }

    @Test
    void skip_link_moves_focus_to_the_main_content() {
        open("/forms");

        page.keyboard().press("Tab");
        assertThat(focusedName()).isEqualTo("Zum Inhalt springen");
        page.keyboard().press("Enter");

        page.waitForFunction("() => document.activeElement && document.activeElement.id === 'main-content'");
        assertThat(page.url()).endsWith("/forms");
    }

    @Test
    void unknown_pages_answer_in_german() {
        login("clerk", "demo");
        open("/gibt-es-nicht");

        assertThat(page.locator("main h1").textContent()).isEqualTo("Seite nicht gefunden");
        assertNoAxeViolations("404");
    }
}
