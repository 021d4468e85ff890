package org.formularium.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.formularium.definition.store.FormService;
import org.formularium.runtime.Draft;
import org.formularium.runtime.DraftService;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.spring.SpringServlet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session expires mid-form 20 times at random points (seeded), and every time the saved answers come back.
 * <p>
 * A citizen fills a three-page form; at a random moment (after a random number of random actions: typing into a
 * field, "Weiter", "Zurück") the browser's session cookie names a session the server no longer has, as after the
 * session timeout. The citizen's
 * next input then meets Vaadin's "Sitzung abgelaufen" message; a click on it reloads the page, which must offer
 * the draft (its token is in the HttpOnly draft cookie). The test keeps a model of what the runtime promises to
 * have saved — the answers at the last step change, and at the first answer of a filling — and checks that the
 * draft in the database is exactly that, that the offer leads back to the saved step, and that the step's fields
 * show the saved answers.
 */
class SessionExpiryBrowserIT extends AbstractBrowserIT {

    private static final String KEY = "bench-session-expiry";
    private static final int PAGES = 3;
    private static final int FIELDS = 4;
    private static final int EXPIRIES = 20;

    @Autowired
    FormService forms;
    @Autowired
    DraftService drafts;
    @Autowired
    ServerProperties server;
    @Autowired
    ServletRegistrationBean<SpringServlet> vaadinServlet;

    /** The answers entered in the current filling (what the server has heard). */
    private ObjectNode entered = JsonNodeFactory.instance.objectNode();
    /** What the runtime has saved as a draft, and at which page; null before the first save. */
    private ObjectNode saved;
    private int savedPage;
    /** Whether the current filling has saved yet (the first answer of a filling saves at once). */
    private boolean fillingSaved;
    private int currentPage = 1;

    @BeforeEach
    void patience() {
        // the machine may be busy; nothing here waits for a timeout on purpose
        context.setDefaultTimeout(60_000);
    }

    @Test
    void the_draft_is_restored_after_each_of_20_session_expiries_at_random_points() {
        if (forms.latestPublished(KEY).isEmpty()) {
            forms.create(definition(), "bench", true);
        }
        Random random = new Random(20261129L);
        long start = System.nanoTime();
        open("/f/" + KEY);
        int offers = 0;
        for (int expiry = 1; expiry <= EXPIRIES; expiry++) {
            int actions = random.nextInt(5);
            for (int a = 0; a < actions; a++) {
                int choice = random.nextInt(10);
                if (choice < 6) {
                    type(random.nextInt(FIELDS) + 1, "Wert " + expiry + "." + a + " " + random.nextInt(1000));
                } else if (choice < 8 && currentPage < PAGES) {
                    step("Weiter", currentPage + 1);
                } else if (currentPage > 1) {
                    step("Zurück", currentPage - 1);
                }
            }

            // the server no longer knows the session (as after its timeout); the browser still sends the old cookie
            // (deleting the cookie instead makes Vaadin answer "cookies are disabled")
            context.addCookies(List.of(new Cookie("JSESSIONID", "expired-" + expiry).setDomain("localhost").setPath("/")));
            String lost = "verloren " + expiry;
            page.locator("#" + fieldId(currentPage, random.nextInt(FIELDS) + 1) + " input").fill(lost);
            page.keyboard().press("Tab");
            page.waitForSelector(".v-system-error", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
            assertThat(page.locator(".v-system-error").textContent()).contains("Sitzung abgelaufen");
            page.locator(".v-system-error").click();
            page.waitForSelector("main h1");
            settle();

            if (saved == null) {
                // nothing was saved yet: the form simply starts again
                assertThat(page.getByText("Gespeicherte Angaben gefunden").count()).as("expiry " + expiry).isZero();
                assertThat(draftCookie()).isEmpty();
                restart(1, JsonNodeFactory.instance.objectNode());
                continue;
            }
            assertThat(page.getByText("Gespeicherte Angaben gefunden").isVisible()).as("offer after expiry " + expiry).isTrue();
            String token = draftCookie().orElseThrow(() -> new AssertionError("no draft cookie after expiry"));
            Draft draft = drafts.find(KEY, token).orElseThrow(() -> new AssertionError("draft of the cookie not found"));
            assertThat(draft.data()).as("saved answers after expiry " + expiry).isEqualTo(saved);
            assertThat(draft.currentPage()).as("saved page after expiry " + expiry).isEqualTo("page" + savedPage);
            assertThat(draft.data().toString()).doesNotContain(lost);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mit gespeicherten Angaben fortfahren")).click();
            settle();
            assertThat(page.locator("#step-heading").textContent()).isEqualTo("Teil " + savedPage);
            for (int f = 1; f <= FIELDS; f++) {
                JsonNode value = saved.get(key(savedPage, f));
                assertThat(page.locator("#" + fieldId(savedPage, f) + " input").inputValue())
                        .as("field %d.%d after expiry %d", savedPage, f, expiry)
                        .isEqualTo(value == null ? "" : value.asText());
            }
            offers++;
            restart(savedPage, saved.deepCopy());
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("SESSION-EXPIRY: %d expiries, %d drafts offered and restored, %d s%n", EXPIRIES, offers, seconds);
        assertThat(offers).as("most expiries happen after something was saved").isGreaterThanOrEqualTo(EXPIRIES - 3);
    }

    @Test
    void idle_sessions_are_closed_after_the_session_timeout_although_the_browser_sends_heartbeats() {
        open("/forms");
        DeploymentConfiguration vaadin = ((VaadinServlet) vaadinServlet.getServlet()).getService().getDeploymentConfiguration();

        // heartbeats alone do not keep a session: it ends session-timeout after the last real request
        assertThat(vaadin.isCloseIdleSessions()).isTrue();
        assertThat(vaadin.getHeartbeatInterval()).isPositive();
        Duration timeout = server.getServlet().getSession().getTimeout();
        assertThat(timeout).isEqualTo(Duration.ofMinutes(30));
        assertThat(Duration.ofSeconds(vaadin.getHeartbeatInterval())).isLessThan(timeout);
    }

    /** A filling starts again (fresh, or continued from the draft): it has not saved yet. */
    private void restart(int pageNumber, ObjectNode data) {
        currentPage = pageNumber;
        entered = data;
        fillingSaved = false;
    }

    private void type(int field, String value) {
        page.locator("#" + fieldId(currentPage, field) + " input").fill(value);
        page.keyboard().press("Tab");
        settle();
        entered.put(key(currentPage, field), value);
        if (!fillingSaved) {
            save();
        }
    }

    private void step(String button, int target) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForFunction("(n) => document.getElementById('step-heading').textContent === 'Teil ' + n", target);
        settle();
        currentPage = target;
        if (!entered.isEmpty()) {
            save();
        }
    }

    /** The runtime saved what it has heard, at the current page. */
    private void save() {
        saved = entered.deepCopy();
        savedPage = currentPage;
        fillingSaved = true;
    }

    private Optional<String> draftCookie() {
        return context.cookies().stream().filter(c -> ("formularium-draft-" + KEY).equals(c.name))
                .map((Cookie c) -> c.value).filter(v -> !v.isBlank()).findFirst();
    }

    private static String key(int pageNumber, int field) {
        return "t" + pageNumber + "_" + field;
    }

    private static String fieldId(int pageNumber, int field) {
        return "field-" + key(pageNumber, field);
    }

    private static ObjectNode definition() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode form = json.objectNode().put("schemaVersion", 1).put("key", KEY);
        form.putArray("languages").add("de");
        form.set("title", json.objectNode().put("de", "Sitzungsablauf"));
        var pages = form.putArray("pages");
        for (int p = 1; p <= PAGES; p++) {
            ObjectNode page = pages.addObject().put("key", "page" + p);
            page.set("title", json.objectNode().put("de", "Teil " + p));
            var elements = page.putArray("elements");
            for (int f = 1; f <= FIELDS; f++) {
                ObjectNode field = elements.addObject().put("type", "text").put("key", key(p, f));
                field.set("label", json.objectNode().put("de", "Angabe " + p + "." + f));
            }
        }
        return form;
    }
}
