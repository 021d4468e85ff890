package org.formularium.browser;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every administration page, signed in as admin, has zero axe violations (WCAG 2.1 A/AA) in German. */
class AdminBrowserIT extends AbstractBrowserIT {

    @Test
    void every_admin_page_has_no_axe_violations() {
        login("admin", "demo");

        for (String path : List.of("/admin", "/admin/users", "/admin/responsibilities", "/admin/api-keys",
                "/admin/webhooks", "/admin/branding", "/admin/processing-records")) {
            open(path);
            assertThat(page.locator("main h1").count()).as(path + " has a heading").isEqualTo(1);
            assertNoAxeViolations(path);
        }
    }

    @Test
    void a_clerk_cannot_open_the_administration() {
        login("clerk", "demo");

        open("/admin/users");

        assertThat(page.locator("main h1").textContent()).isEqualTo("Kein Zugriff");
    }
}
