package org.formularium.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browser driver of the two-instance test (src/it/two-instances.sh, issue 10) and of the pinned-session
 * part of the two-instance benchmark (src/bench/two-instances-bench.sh, issue 9). Not a JUnit test: it
 * needs two production-jar instances behind nginx with docs/nginx/formularium.conf, which the scripts
 * start; it runs with the test classpath (Playwright, Jackson) and Debian's chromium.
 *
 * <ul>
 *   <li>{@code failover}: a citizen fills the demo form "buecherwunsch" through nginx page by page and
 *   saves it for later; the instance that served the session (nginx access log, field {@code upstream=})
 *   is stopped with SIGTERM; the resume link, opened through nginx, is served by the other instance and
 *   restores the answers; the citizen submits; the stopped instance is started again. Then the submission
 *   exists exactly once (API through nginx, with the typed answers) and the webhook receiver got its
 *   {@code submission.received} event exactly once, correctly signed.</li>
 *   <li>{@code pinned}: a citizen's session stays on one instance while the other one is restarted, and
 *   keeps working without a reload (same session cookie, no draft offer) up to the confirmation.</li>
 * </ul>
 * Usage: {@code TwoInstancesCheck <failover|pinned> <https base url> <work dir> <webhook events file> <port1> <port2>};
 * the work dir holds {@code start-<port>.sh}, {@code app-<port>.pid} and {@code nginx/logs/formularium.access.log}.
 * Exits 1 with a message on the first failed check.
 */
public final class TwoInstancesCheck {

    private static final String FORM = "buecherwunsch";
    private static final String API_KEY = System.getenv().getOrDefault("FORMULARIUM_DEMO_API_KEY", "demo-api-key");
    private static final Pattern UPSTREAM = Pattern.compile("upstream=(\\S+)$");

    private final String base;
    private final Path work;
    private final Path events;
    private final int[] ports;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private Page page;

    private TwoInstancesCheck(String base, Path work, Path events, int port1, int port2) throws Exception {
        this.base = base;
        this.work = work;
        this.events = events;
        this.ports = new int[]{port1, port2};
        long run = System.currentTimeMillis() % 100_000;
        answers.put("media_title", "Deichgeschichten vom Niederrhein, Band " + run);
        answers.put("author", "Käthe Rößler");
        answers.put("library_card", "2048" + run);
        answers.put("first_name", "Jürgen");
        answers.put("last_name", "Weißmüller-" + run);
        answers.put("email", "juergen" + run + "@example.de");
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        this.http = HttpClient.newBuilder().sslContext(trustAll).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: TwoInstancesCheck <failover|pinned> <https base url> <work dir> <events file> <port1> <port2>");
            System.exit(2);
        }
        TwoInstancesCheck check = new TwoInstancesCheck(args[1], Path.of(args[2]), Path.of(args[3]),
                Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(chromium)).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("de-DE")
                    .setIgnoreHTTPSErrors(true).setViewportSize(1280, 900));
            context.setDefaultTimeout(30_000);
            check.page = context.newPage();
            if ("failover".equals(args[0])) {
                check.failover();
            } else if ("pinned".equals(args[0])) {
                check.pinned(context);
            } else {
                throw new CheckFailed("unknown mode " + args[0]);
            }
            browser.close();
        } catch (CheckFailed e) {
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    // ---- the two scenarios -------------------------------------------------------------------------

    private void failover() throws Exception {
        open(base + "/f/" + FORM);
        step("first page");
        fillVisible();
        next();
        step("second page");
        fillVisible();
        page.getByText("Speichern und später fortsetzen").click();
        settle();
        String resumeLink = page.locator("#resume-link input").inputValue();
        expect(resumeLink.startsWith(base + "/f/" + FORM + "/fortsetzen/"),
                "the resume link should point through nginx (" + base + "), got " + resumeLink);
        int served = stickyInstance(0);
        int other = otherThan(served);
        int linesBefore = accessLog().size();
        System.out.println("the session was served by the instance on port " + served + "; stopping it (SIGTERM)");
        stop(served);

        page.navigate(resumeLink);
        settle();
        for (String field : List.of("library_card", "first_name", "last_name", "email")) {
            String value = page.locator("#field-" + field + " input").inputValue();
            expect(answers.get(field).equals(value), "after the resume link, field " + field + " should hold '"
                    + answers.get(field) + "', got '" + value + "'");
        }
        System.out.println("the resume link restored the draft on the other instance");
        String reference = submit();
        List<String> after = accessLog().subList(linesBefore, accessLog().size());
        expect(!after.isEmpty(), "no request reached nginx after the stop");
        String lastUpstream = upstreamOf(after.get(after.size() - 1));
        expect(lastUpstream.endsWith(":" + other), "after the stop, requests should be answered by port " + other
                + ", the last one went to " + lastUpstream);
        System.out.println("submitted " + reference + " through the instance on port " + other);

        System.out.println("starting the stopped instance again (both instances work the outbox)");
        start(served);
        checkStoredOnce(reference);
        checkWebhookOnce(reference);
    }

    private void pinned(BrowserContext context) throws Exception {
        open(base + "/f/" + FORM);
        fillVisible();
        next();
        int served = stickyInstance(0);
        int other = otherThan(served);
        String session = sessionCookie(context);
        System.out.println("the session is pinned to port " + served + "; restarting the other instance (" + other + ")");
        stop(other);
        fillVisible(); // works while the other instance is down
        start(other);
        String reference = submit();
        expect(session.equals(sessionCookie(context)), "the session cookie changed: the session was not kept");
        Set<String> upstreams = new TreeSet<>();
        accessLog().forEach(line -> upstreams.add(upstreamOf(line)));
        expect(upstreams.size() == 1 && upstreams.iterator().next().endsWith(":" + served),
                "every request of the session should reach port " + served + ", the access log shows " + upstreams);
        expect(page.getByText("Gespeicherte Angaben gefunden").count() == 0, "the session was lost (draft offered)");
        System.out.println("the pinned session kept working while port " + other + " restarted: " + reference);
        checkStoredOnce(reference);
    }

    // ---- the citizen ------------------------------------------------------------------------------

    private void open(String url) {
        page.navigate(url);
        settle();
    }

    private void settle() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
        page.waitForSelector("main h1");
    }

    private String heading() {
        return page.locator("#step-heading").textContent();
    }

    private void step(String what) {
        System.out.println(what + ": " + heading());
    }

    /** Answers the fields of the current step that are in {@link #answers} and the radio "Art des Mediums". */
    private void fillVisible() {
        Locator mediaType = page.locator("#field-media_type");
        if (mediaType.count() > 0 && mediaType.isVisible()) {
            mediaType.getByLabel("Buch", new Locator.GetByLabelOptions().setExact(true)).check();
        }
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            Locator input = page.locator("#field-" + answer.getKey() + " input");
            if (input.count() > 0 && input.isVisible()) {
                input.fill(answer.getValue());
                input.dispatchEvent("change");
            }
        }
        settle();
    }

    private void next() {
        String before = page.locator("#progress").textContent();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Weiter").setExact(true)).click();
        settle();
        page.waitForFunction("p => document.getElementById('progress').textContent !== p"
                + " || !document.getElementById('error-summary').hasAttribute('hidden')", before);
        Locator errors = page.locator("#error-summary");
        expect(!errors.isVisible(), "errors on '" + heading() + "': " + (errors.isVisible() ? errors.innerText() : ""));
    }

    /** From the current step on: answers, accepts the privacy notice, reaches the review and submits. */
    private String submit() {
        for (int i = 0; i < 6 && !"Angaben prüfen".equals(heading()); i++) {
            Locator consent = page.locator("#privacy-consent");
            if (consent.count() > 0 && consent.isVisible() && !Boolean.TRUE.equals(consent.evaluate("c => c.checked"))) {
                consent.click();
                settle();
            }
            fillVisible();
            next();
        }
        expect("Angaben prüfen".equals(heading()), "the review was not reached, the page shows: " + heading());
        String review = page.locator("main").innerText();
        expect(review.contains(answers.get("media_title")), "the review lacks the title typed on the first page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Absenden").setExact(true)).click();
        page.waitForURL(u -> u.endsWith("/bestaetigung"));
        settle();
        String reference = page.locator("#reference").textContent().trim();
        expect(reference.matches("FM-\\d{4}-\\d{6}"), "no reference on the confirmation page: " + reference);
        return reference;
    }

    private static String sessionCookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> "JSESSIONID".equals(c.name)).map((Cookie c) -> c.value)
                .findFirst().orElse("");
    }

    // ---- instances and nginx ----------------------------------------------------------------------

    private List<String> accessLog() throws Exception {
        return Files.readAllLines(work.resolve("nginx/logs/formularium.access.log"));
    }

    private static String upstreamOf(String line) {
        Matcher m = UPSTREAM.matcher(line);
        if (!m.find()) {
            throw new CheckFailed("the access log line has no upstream= field: " + line);
        }
        String[] tried = m.group(1).split(",\\s*");
        return tried[tried.length - 1];
    }

    /** The port that answered every request logged from line {@code from} on (fails when they differ). */
    private int stickyInstance(int from) throws Exception {
        List<String> lines = accessLog();
        expect(lines.size() > from, "nginx logged no request");
        Set<String> upstreams = new TreeSet<>();
        lines.subList(from, lines.size()).forEach(line -> upstreams.add(upstreamOf(line)));
        expect(upstreams.size() == 1, "one browser's requests reached several instances: " + upstreams);
        String upstream = upstreams.iterator().next();
        return Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
    }

    private int otherThan(int port) {
        expect(port == ports[0] || port == ports[1], "nginx used an unknown upstream port " + port);
        return port == ports[0] ? ports[1] : ports[0];
    }

    private void stop(int port) throws Exception {
        long pid = Long.parseLong(Files.readString(work.resolve("app-" + port + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new CheckFailed("instance " + port + " is not running"));
        process.destroy();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    private void start(int port) throws Exception {
        Process starter = new ProcessBuilder("sh", work.resolve("start-" + port + ".sh").toString()).inheritIO().start();
        expect(starter.waitFor() == 0, "could not start the instance on port " + port);
        int limit = Integer.parseInt(System.getenv().getOrDefault("IT_START_SECONDS", "600"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    System.out.println("the instance on port " + port + " is up again");
                    return;
                }
            } catch (java.io.IOException e) {
                // not yet listening
            }
            Thread.sleep(1000);
        }
        throw new CheckFailed("the instance on port " + port + " did not come back within " + limit + " s");
    }

    // ---- checks through the API and the webhook receiver -------------------------------------------

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response.statusCode() == 200, "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        return json.readTree(response.body());
    }

    private void checkStoredOnce(String reference) throws Exception {
        int found = 0;
        String cursor = null;
        do {
            JsonNode list = api("/api/v1/submissions?form=" + FORM + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            for (JsonNode item : list.path("items")) {
                if (reference.equals(item.path("reference").asText())) {
                    found++;
                }
            }
            cursor = list.path("next").isTextual() ? list.path("next").asText() : null;
        } while (cursor != null);
        expect(found == 1, "the API lists " + reference + " " + found + " times, expected exactly once");
        String document = api("/api/v1/submissions/" + reference).toString();
        for (String field : List.of("media_title", "library_card", "last_name")) {
            expect(document.contains(answers.get(field)), "the stored submission lacks " + field + " = " + answers.get(field));
        }
        System.out.println("the API has " + reference + " exactly once, with the answers typed before the stop");
    }

    private void checkWebhookOnce(String reference) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<String> received = List.of();
        while (System.nanoTime() < deadline && received.isEmpty()) {
            received = eventsFor(reference);
            Thread.sleep(500);
        }
        expect(!received.isEmpty(), "the webhook receiver got no event for " + reference + " within 90 s");
        Thread.sleep(15_000); // both instances poll the outbox every 2 s: a second delivery would arrive now
        received = eventsFor(reference);
        expect(received.size() == 1, "the webhook receiver got " + received.size() + " events for " + reference
                + ", expected exactly one: " + received);
        String[] event = received.get(0).split(" ");
        expect("submission.received".equals(event[2]), "unexpected event type: " + received.get(0));
        expect("ok".equals(event[3]), "the event's signature does not verify: " + received.get(0));
        System.out.println("the webhook receiver got exactly one signed submission.received event for " + reference);
    }

    private List<String> eventsFor(String reference) throws Exception {
        List<String> lines = new ArrayList<>();
        if (Files.exists(events)) {
            for (String line : Files.readAllLines(events)) {
                if (line.startsWith(reference + " ")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new CheckFailed(message);
        }
    }

    private static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message);
        }
    }
}
