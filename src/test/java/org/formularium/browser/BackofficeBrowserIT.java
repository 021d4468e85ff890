package org.formularium.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.formularium.submission.Channel;
import org.formularium.submission.SubmissionReceipt;
import org.formularium.submission.SubmissionService;
import org.formularium.submission.SubmitCommand;
import org.formularium.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The back office (inbox, detail) and the citizen's status page in a real browser, checked with axe-core. */
class BackofficeBrowserIT extends AbstractBrowserIT {

    @Autowired
    SubmissionService submissions;

    SubmissionReceipt receipt;

    @BeforeEach
    void submission() {
        receipt = submissions.submit(new SubmitCommand("buecherwunsch", null, TestData.demoSubmission("buecherwunsch"),
                Locale.GERMAN, "browser-" + UUID.randomUUID(), Channel.RUNTIME, null, null));
    }

    @Test
    void inbox_and_detail_have_no_axe_violations_and_the_clerk_takes_a_submission_into_review() {
        login("clerk", "demo");

        open("/backoffice");
        assertThat(page.locator("main h1").textContent()).isEqualTo("Posteingang");
        page.getByText(receipt.reference()).waitFor();
        assertNoAxeViolations("/backoffice");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(receipt.reference())).click();
        page.waitForURL(u -> u.endsWith("/backoffice/" + receipt.reference()));
        settle();
        assertThat(page.locator("main h1").textContent()).isEqualTo("Antrag " + receipt.reference());
        assertNoAxeViolations("/backoffice/" + receipt.reference());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Status ändern")).click();
        page.getByText("Der Status ist jetzt „In Bearbeitung“.").waitFor();
        settle();
        assertNoAxeViolations("detail after a status change");
    }

    @Test
    void status_page_has_no_axe_violations_before_and_after_a_lookup() {
        open("/status");
        assertThat(page.locator("main h1").textContent()).isEqualTo("Bearbeitungsstand abfragen");
        assertNoAxeViolations("/status");

        page.getByLabel("Referenznummer").fill(receipt.reference());
        page.getByLabel("Zugangscode").fill("FALSCH234567");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stand abfragen")).click();
        page.getByText("haben wir keinen Antrag gefunden").waitFor();
        assertNoAxeViolations("/status with an unknown combination");

        page.getByLabel("Zugangscode").fill(receipt.accessCode());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stand abfragen")).click();
        page.getByText("Ihr Antrag " + receipt.reference()).waitFor();
        assertThat(page.locator(".status-result").textContent()).contains("Eingegangen");
        assertNoAxeViolations("/status with a result");
    }
}
