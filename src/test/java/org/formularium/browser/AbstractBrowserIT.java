package org.formularium.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser tier: the whole application on a random port (embedded PostgreSQL, demo data) driven by
 * Debian's chromium through Playwright, with axe-core (WCAG 2.1 A/AA) and a keyboard-only helper.
 * Set {@code CHROMIUM_PATH} to use another chromium binary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
public abstract class AbstractBrowserIT {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assertThat(Files.isExecutable(Path.of(chromium)))
                .as("chromium is needed for browser tests: apt-get install -y chromium (or set CHROMIUM_PATH)")
                .isTrue();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(chromium)).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("de-DE")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a route and waits until Vaadin has rendered it and has nothing in flight. */
    protected void open(String path) {
        page.navigate(url(path));
        settle();
    }

    protected void settle() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
        page.waitForSelector("main h1");
    }

    protected void login(String username, String password) {
        open("/login");
        page.getByLabel("Benutzername").fill(username);
        page.getByLabel("Passwort", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Anmelden").setExact(true)).last().click();
        page.waitForURL(u -> !u.contains("/login"));
        settle();
    }

    /** Runs axe-core with the WCAG 2.1 A and AA rules and fails with a readable list of violations. */
    protected void assertNoAxeViolations(String state) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " → " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe violations on " + state + ":\n" + report).isEmpty();
    }

    /** One stop of the keyboard focus: the focused element (inside shadow roots) and its accessible name. */
    protected record FocusStop(String tag, String role, String name) {
    }

    private static final String FOCUSED_ELEMENT = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; }
              if (!el || el === document.body) return null;
              const byIds = (ids) => ids.split(/\\s+/).map(id => {
                  const root = el.getRootNode();
                  const t = (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
                  return t ? t.textContent : ''; }).join(' ');
              let name = el.getAttribute('aria-label') || '';
              if (!name && el.getAttribute('aria-labelledby')) name = byIds(el.getAttribute('aria-labelledby'));
              if (!name && el.labels && el.labels.length) name = Array.from(el.labels).map(l => l.textContent).join(' ');
              if (!name) name = el.getAttribute('title') || el.getAttribute('alt') || '';
              if (!name) name = (el.innerText || el.textContent || '').trim();
              const host = el.getRootNode().host;
              if (!name && host) name = host.getAttribute('aria-label') || host.innerText || host.textContent || '';
              return { tag: el.tagName.toLowerCase(), role: el.getAttribute('role') || '', name: name.trim().replace(/\\s+/g, ' ') };
            }""";

    /** Presses Tab up to {@code maxStops} times and records every focus stop until focus comes around. */
    protected List<FocusStop> tabThroughPage(int maxStops) {
        List<FocusStop> stops = new ArrayList<>();
        for (int i = 0; i < maxStops; i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED_ELEMENT);
            if (focused == null) {
                break;
            }
            FocusStop stop = new FocusStop((String) focused.get("tag"), (String) focused.get("role"),
                    (String) focused.get("name"));
            if (!stops.isEmpty() && stop.equals(stops.get(0))) {
                break;
            }
            stops.add(stop);
        }
        return stops;
    }

    protected String focusedName() {
        @SuppressWarnings("unchecked")
        Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED_ELEMENT);
        return focused == null ? null : (String) focused.get("name");
    }

    protected String focusedTag() {
        @SuppressWarnings("unchecked")
        Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED_ELEMENT);
        return focused == null ? null : (String) focused.get("tag");
    }
}
