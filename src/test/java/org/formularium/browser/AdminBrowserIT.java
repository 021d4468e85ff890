package org.formularium.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every administration page, signed in as admin, has zero axe violations (WCAG 2.1 A/AA) in German. */
class AdminBrowserIT extends AbstractBrowserIT {

    @Test
    void every_admin_page_has_no_axe_violations() {
        login("admin", "demo");

        for (String path : List.of("/admin", "/admin/users", "/admin/responsibilities", "/admin/api-keys",
                "/admin/webhooks", "/admin/branding", "/admin/encryption", "/admin/processing-records")) {
            open(path);
            assertThat(page.locator("main h1").count()).as(path + " has a heading").isEqualTo(1);
            assertNoAxeViolations(path);
        }
    }

    @Test
    void retention_and_data_subject_pages_have_no_axe_violations_with_their_dialog_and_results() {
        login("admin", "demo");

        open("/admin/retention");
        assertNoAxeViolations("/admin/retention");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Löschung jetzt ausführen")).click();
        settle();
        assertThat(page.getByRole(AriaRole.DIALOG).count()).isEqualTo(1);
        assertNoAxeViolations("/admin/retention (confirmation)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abbrechen")).click();
        settle();

        open("/admin/data-subject-requests");
        assertNoAxeViolations("/admin/data-subject-requests");
        page.getByLabel("E-Mail-Adresse").fill("niemand@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suchen")).click();
        settle();
        assertThat(page.getByText("0 Anträge und 0 Entwürfe gefunden.").count()).isEqualTo(1);
        assertNoAxeViolations("/admin/data-subject-requests (results)");
    }

    @Test
    void a_clerk_cannot_open_the_administration() {
        login("clerk", "demo");

        open("/admin/users");

        assertThat(page.locator("main h1").textContent()).isEqualTo("Kein Zugriff");
    }
}
