package org.formularium.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Security-Policy in a real browser: pages of citizens, the login, the back office and the
 * administration (with the audit log) work and the browser reports no CSP violation; the audit log page has
 * no axe violations.
 */
class ContentSecurityPolicyBrowserIT extends AbstractBrowserIT {

    private final List<String> violations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void collectViolations() {
        page.onConsoleMessage(message -> {
            String text = message.text();
            if (text.contains("Content Security Policy") || text.contains("Refused to")) {
                violations.add(text);
            }
        });
        page.onPageError(error -> violations.add("page error: " + error));
    }

    @Test
    void citizens_staff_and_admins_work_under_the_policy_without_violations() {
        open("/forms");
        open("/status");
        login("admin", "demo");
        open("/backoffice");
        open("/admin/audit");
        assertThat(page.locator("#audit-chain-status").textContent()).startsWith("Kette intakt");
        assertNoAxeViolations("audit log");

        assertThat(page.evaluate("() => document.querySelector('main h1').textContent")).isEqualTo("Protokoll (Audit-Log)");
        assertThat(violations).as("CSP violations and page errors").isEmpty();
    }
}
