import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the citizen runtime (single-file program, JDK only, no browser): speaks Vaadin Flow's UIDL
 * protocol over real HTTP, like the browser's Flow client does.
 * <p>
 * Each simulated citizen opens the demo form {@code veranstaltung} (the demo form with the most fields and no
 * required upload: 25 inputs on three pages, a repeating group, an address, dates, a select, radios, checkboxes,
 * consents, then the privacy step and "check your answers"), fills it page by page, and submits. Node ids are
 * never guessed: the driver keeps the node tree from the UIDL changes (tag, DOM id, text, children, the
 * {@code value} property of list items) and sends values to the nodes whose DOM id the runtime rendered
 * ({@code field-<path>}); after every "Weiter" it checks that the progress text moved on, so a value sent to the
 * wrong node (which Vaadin ignores silently) shows up as an error. Every HTTP status other than 200, every
 * {@code meta.appError}, {@code meta.sessionExpired}, resynchronisation and missing node counts as an error.
 * <p>
 * Modes:
 * <ul>
 * <li>{@code hold <baseUrl> <sessions> <appPid> <outFile>}: measures live heap after two full GCs with 0 sessions,
 * then opens {@code sessions} sessions, fills every page up to "check your answers" (not submitted), measures
 * again and prints the heap per session; finally sends the tab-close beacon for each session. With
 * {@code BENCH_HOLD_AT=last-page} the sessions stay on the last page of fields (all filled) instead; with
 * {@code BENCH_HISTOGRAM=1} the live-object histograms with 0 and N sessions are written next to the output file
 * (compare them with {@code histogram-diff.py}).</li>
 * <li>{@code load <baseUrl> <users> <seconds> <thinkMinMs> <thinkMaxMs> <titlesOut> <runId>}: {@code users}
 * concurrent citizens fill and submit the form again and again with a random think time between interactions;
 * prints response time percentiles per interaction and error counts, and writes the event title of every
 * acknowledged submission to {@code titlesOut} so the caller can check the database.</li>
 * </ul>
 */
public class SessionLoadDriver {

    static final String FORM = "veranstaltung";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
    static final ConcurrentLinkedQueue<long[]> TIMINGS = new ConcurrentLinkedQueue<>(); // {kind, nanos}
    static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    static final String[] KINDS = {"open", "value", "click"};
    static volatile boolean recording = true;
    /** Every UIDL/init request sent, warm-up included (for the app's CPU time per request). */
    static final AtomicLong SENT = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if ("hold".equals(args[0])) {
            hold(args[1], Integer.parseInt(args[2]), args[3], Path.of(args[4]));
        } else {
            load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Path.of(args[6]), args[7]);
        }
        System.exit(0);
    }

    // ---- modes ------------------------------------------------------------------------------------

    static void hold(String base, int sessions, String pid, Path out) throws Exception {
        warmUp(base);
        long before = liveHeap(pid);
        String histogramBefore = System.getenv("BENCH_HISTOGRAM") == null ? "" : jcmd(pid, "GC.class_histogram");
        List<Citizen> held = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<Citizen>> futures = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                Citizen c = new Citizen(base, "hold-" + n);
                c.think = () -> { };
                c.stopOnLastPage = "last-page".equals(System.getenv("BENCH_HOLD_AT"));
                c.fillAll();
                return c;
            }));
        }
        for (var f : futures) {
            try {
                held.add(f.get());
            } catch (Exception e) {
                error("hold: " + rootMessage(e));
            }
        }
        long after = liveHeap(pid);
        long perSession = (after - before) / Math.max(1, held.size());
        String line = String.format(Locale.ROOT,
                "sessions=%d held=%d heap0=%.1fMB heapN=%.1fMB perSession=%.1fKB errors=%d%s",
                sessions, held.size(), before / 1048576.0, after / 1048576.0, perSession / 1024.0, errorCount(), errorDetail());
        System.out.println(line);
        Files.writeString(out, line + "\n");
        if (System.getenv("BENCH_HISTOGRAM") != null) {
            // what the held sessions consist of: live-object histograms with 0 and with N sessions
            Files.writeString(Path.of(out + ".histogram0"), histogramBefore);
            Files.writeString(Path.of(out + ".histogramN"), jcmd(pid, "GC.class_histogram"));
        }
        for (Citizen c : held) {
            c.closeTab();
        }
        pool.shutdown();
    }

    static void load(String base, int users, int seconds, int thinkMin, int thinkMax, Path titlesOut, String runId)
            throws Exception {
        warmUp(base);
        TIMINGS.clear();
        ERRORS.clear();
        ConcurrentLinkedQueue<String> titles = new ConcurrentLinkedQueue<>();
        AtomicLong started = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(users);
        AtomicInteger abandoned = new AtomicInteger();
        for (int u = 0; u < users; u++) {
            int user = u;
            new Thread(null, () -> {
                try {
                    // spread the arrivals over the first think interval
                    Thread.sleep(ThreadLocalRandom.current().nextInt(0, Math.max(1, thinkMax)));
                    int round = 0;
                    while (System.nanoTime() < end) {
                        String title = "Bench " + runId + " " + user + "-" + round++;
                        Citizen c = new Citizen(base, title);
                        c.think = () -> sleep(ThreadLocalRandom.current().nextInt(thinkMin, thinkMax + 1));
                        c.deadline = end;
                        started.incrementAndGet();
                        try {
                            c.fillAll();
                            if (System.nanoTime() >= end) {
                                abandoned.incrementAndGet();
                                break;
                            }
                            if (c.submit()) {
                                titles.add(title);
                            }
                        } catch (Deadline d) {
                            abandoned.incrementAndGet();
                        } catch (Exception e) {
                            error("exception: " + rootMessage(e));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "citizen-" + u, 256 * 1024).start();
        }
        done.await();
        Files.write(titlesOut, titles);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "users=%d seconds=%d think=%d-%dms forms_started=%d submitted=%d unfinished_at_end=%d requests=%d sent_with_warm_up=%d errors=%d%s",
                users, seconds, thinkMin, thinkMax, started.get(), titles.size(), abandoned.get(), TIMINGS.size(), SENT.get(),
                errorCount(), errorDetail()));
        line.append(percentiles("all", -1));
        // the interactions with an open form (answers, page changes, submit), without opening it
        line.append(percentiles("interactions", -2));
        for (int k = 0; k < KINDS.length; k++) {
            line.append(percentiles(KINDS[k], k));
        }
        System.out.println(line);
    }

    static void warmUp(String base) {
        recording = false;
        for (int i = 0; i < 20; i++) {
            try {
                Citizen c = new Citizen(base, "warm-up " + i);
                c.think = () -> { };
                c.fillAll();
                c.closeTab();
            } catch (Exception e) {
                error("warm-up: " + rootMessage(e));
            }
        }
        recording = true;
    }

    static String percentiles(String label, int kind) {
        // kind -1: every request; -2: every request but opening a form; otherwise one kind
        long[] values = TIMINGS.stream().filter(t -> kind == -1 || kind == -2 && t[0] != 0 || t[0] == kind)
                .mapToLong(t -> t[1]).sorted().toArray();
        if (values.length == 0) {
            return "";
        }
        return String.format(Locale.ROOT, " | %s n=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms", label, values.length,
                at(values, 0.50), at(values, 0.95), at(values, 0.99), values[values.length - 1] / 1e6);
    }

    static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Live heap in bytes after two full GCs ({@code jcmd GC.run} twice, then {@code GC.heap_info}). */
    static long liveHeap(String pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        // G1: "garbage-first heap total …K, used …K"; serial/parallel: one line per generation
        Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(1)) * 1024;
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("cannot read heap: " + info);
        }
        return used;
    }

    static String jcmd(String pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return output;
    }

    // ---- errors -----------------------------------------------------------------------------------

    static void error(String what) {
        String key = what.length() > 120 ? what.substring(0, 120) : what;
        ERRORS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    static int errorCount() {
        return ERRORS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static String errorDetail() {
        if (ERRORS.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(" [");
        ERRORS.forEach((k, v) -> s.append(v.get()).append("× ").append(k).append("; "));
        return s.append("]").toString();
    }

    static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class Deadline extends RuntimeException {
        Deadline() {
            super(null, null, false, false);
        }
    }

    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    // ---- one citizen ------------------------------------------------------------------------------

    static final class Node {
        String tag;
        String domId;
        String text;
        Object value;
        Object label;
        int parent = -1;
        final List<Integer> children = new ArrayList<>();
    }

    static final class Citizen {
        final String base;
        final String title;
        Runnable think;
        long deadline = Long.MAX_VALUE;
        /** Stop on the last page of fields (all filled) instead of going on to the privacy step and the review. */
        boolean stopOnLastPage;
        String cookie;
        String csrf;
        String uiId;
        long syncId;
        long clientId;
        final Map<Integer, Node> nodes = new HashMap<>();

        Citizen(String base, String title) {
            this.base = base;
            this.title = title;
        }

        /** Opens the form and fills every page up to "check your answers". */
        void fillAll() throws Exception {
            open();
            // page 1: the event
            type("field-event_title", title);
            select("field-category", 0);
            type("field-event_description", "Ein Abend mit Musik aus der Region, offen für alle. Eintritt frei, Getränke vor Ort.");
            checkItems("field-target_groups", 0, 2);
            next(2);
            // page 2: dates, one additional date (repeating group), venue
            type("field-start_date", "2027-06-12");
            type("field-start_time", "18:00");
            type("field-end_date", "2027-06-12");
            type("field-duration_hours", "2,5");
            click(buttonIn("field-additional_dates"), "add item");
            type("field-additional_dates-0--extra_date", "2027-06-19");
            type("field-additional_dates-0--extra_start_time", "19:30");
            type("field-venue_name", "Stadthalle Voerde");
            type("field-venue_address-street", "Rathausplatz");
            type("field-venue_address-houseNumber", "20");
            type("field-venue_address-postalCode", "46562");
            type("field-venue_address-city", "Voerde (Niederrhein)");
            type("field-expected_visitors", "120");
            next(3);
            // page 3: organiser
            radio("field-free_admission", 0);
            type("field-organiser_name", "Heimatverein Voerde e. V.");
            type("field-contact_first_name", "Jürgen");
            type("field-contact_last_name", "Weißmüller");
            type("field-organiser_email", "verein@example.de");
            type("field-organiser_phone", "0281 123456");
            radio("field-publish_contact", 1);
            check("field-publication_consent");
            if (stopOnLastPage) {
                return;
            }
            next(4);
            // privacy step, then check your answers
            check("privacy-consent");
            next(5);
        }

        /** Submits from "check your answers"; true when the confirmation page with a reference came back. */
        boolean submit() throws Exception {
            int button = buttonWithText("Absenden");
            Map<String, Object> response = click(button, "submit");
            boolean confirmed = nodes.values().stream().anyMatch(n -> "reference".equals(n.domId));
            if (!confirmed) {
                error("no confirmation after submit" + summary(response));
            }
            return confirmed;
        }

        void open() throws Exception {
            String location = "f/" + FORM;
            long t0 = System.nanoTime();
            HttpResponse<String> init = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"
                            + "?v-r=init&location=" + URLEncoder.encode(location, StandardCharsets.UTF_8) + "&query="))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (init.statusCode() != 200) {
                throw fail("init: HTTP " + init.statusCode());
            }
            record(0, t1 - t0);
            cookie = init.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> fail("init: no session cookie"));
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(init.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) json.get("appConfig");
            uiId = String.valueOf(((Number) config.get("v-uiId")).longValue());
            @SuppressWarnings("unchecked")
            Map<String, Object> uidl = (Map<String, Object>) config.get("uidl");
            csrf = (String) uidl.get("Vaadin-Security-Key");
            apply(uidl, "init");
            Map<String, Object> navigate = new LinkedHashMap<>();
            navigate.put("route", location);
            navigate.put("query", "");
            navigate.put("appShellTitle", "");
            navigate.put("historyState", Map.of("idx", 0));
            navigate.put("trigger", "");
            rpc(0, "navigate", Map.of("type", "event", "node", 1, "event", "ui-navigate", "data", navigate));
            id("field-event_title");
        }

        void type(String domId, String text) throws Exception {
            think();
            rpc(1, "value " + domId, sync(id(domId), "value", text));
        }

        void check(String domId) throws Exception {
            think();
            rpc(1, "check " + domId, sync(id(domId), "checked", Boolean.TRUE));
        }

        /** Select: the key of the n-th real item (the empty selection has the key ""). */
        void select(String domId, int index) throws Exception {
            think();
            List<String> keys = itemKeys(id(domId), "vaadin-select-item", "vaadin-item");
            rpc(1, "select " + domId, sync(id(domId), "value", keys.isEmpty() ? String.valueOf(index + 1) : keys.get(index)));
        }

        void radio(String domId, int index) throws Exception {
            think();
            List<String> keys = itemKeys(id(domId), "vaadin-radio-button");
            if (keys.size() <= index) {
                throw fail("radio " + domId + ": no items");
            }
            rpc(1, "radio " + domId, sync(id(domId), "value", keys.get(index)));
        }

        void checkItems(String domId, int... indexes) throws Exception {
            think();
            List<String> keys = itemKeys(id(domId), "vaadin-checkbox");
            List<String> chosen = new ArrayList<>();
            for (int i : indexes) {
                if (keys.size() <= i) {
                    throw fail("checkboxes " + domId + ": no items");
                }
                chosen.add(keys.get(i));
            }
            rpc(1, "checkboxes " + domId, sync(id(domId), "value", chosen));
        }

        /** "Weiter", then checks that the progress says step {@code expected}. */
        void next(int expected) throws Exception {
            Map<String, Object> response = click(buttonWithText("Weiter"), "next");
            String progress = textOf(id("progress"));
            if (progress == null || !progress.startsWith("Schritt " + expected + " ")) {
                throw fail("next: expected step " + expected + " but progress says '" + progress + "'" + summary(response));
            }
        }

        Map<String, Object> click(int node, String what) throws Exception {
            think();
            Map<String, Object> data = new LinkedHashMap<>();
            for (String key : List.of("event.shiftKey", "event.metaKey", "event.ctrlKey", "event.altKey")) {
                data.put(key, false);
            }
            for (String key : List.of("event.clientX", "event.clientY", "event.screenX", "event.screenY", "event.button")) {
                data.put(key, 0);
            }
            data.put("event.detail", 1);
            return rpc(2, what, Map.of("type", "event", "node", node, "event", "click", "data", data));
        }

        void closeTab() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("csrfToken", csrf);
            body.put("rpc", List.of());
            body.put("syncId", syncId);
            body.put("clientId", clientId);
            body.put("UNLOAD", true);
            HTTP.send(post(body), HttpResponse.BodyHandlers.discarding());
        }

        void think() {
            if (System.nanoTime() > deadline) {
                throw new Deadline();
            }
            think.run();
        }

        static Map<String, Object> sync(int node, String property, Object value) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "mSync");
            m.put("node", node);
            m.put("feature", 1);
            m.put("property", property);
            m.put("value", value);
            return m;
        }

        HttpRequest post(Map<String, Object> body) {
            return HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json; charset=UTF-8").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        }

        /** One UIDL request with one RPC; the response's changes update the node tree. */
        @SuppressWarnings("unchecked")
        Map<String, Object> rpc(int kind, String what, Map<String, Object> invocation) throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("csrfToken", csrf);
            body.put("rpc", List.of(invocation));
            body.put("syncId", syncId);
            body.put("clientId", clientId);
            long t0 = System.nanoTime();
            HttpResponse<String> response = HTTP.send(post(body), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            record(kind, t1 - t0);
            if (response.statusCode() != 200) {
                throw fail(what + ": HTTP " + response.statusCode());
            }
            String text = response.body();
            if (System.getenv("BENCH_DUMP_DIR") != null) {
                Files.writeString(Path.of(System.getenv("BENCH_DUMP_DIR"), title.replace(' ', '_') + "-" + syncId + ".json"), text);
            }
            if (!text.startsWith("for(;;);")) {
                throw fail(what + ": not a UIDL response: " + text.substring(0, Math.min(80, text.length())));
            }
            Object parsed = Json.parse(text.substring("for(;;);".length()));
            Map<String, Object> uidl = (Map<String, Object>) (parsed instanceof List<?> list ? list.get(0) : parsed);
            Map<String, Object> meta = (Map<String, Object>) uidl.get("meta");
            if (meta != null) {
                if (meta.containsKey("appError")) {
                    throw fail(what + ": appError " + meta.get("appError"));
                }
                if (Boolean.TRUE.equals(meta.get("sessionExpired"))) {
                    throw fail(what + ": session expired");
                }
            }
            if (uidl.containsKey("resynchronize") || (meta != null && meta.containsKey("resynchronize"))) {
                throw fail(what + ": resynchronize");
            }
            apply(uidl, what);
            return uidl;
        }

        @SuppressWarnings("unchecked")
        void apply(Map<String, Object> uidl, String what) {
            if (uidl.get("syncId") instanceof Number n) {
                syncId = n.longValue();
            }
            if (uidl.get("clientId") instanceof Number n) {
                clientId = n.longValue();
            }
            Object changes = uidl.get("changes");
            if (!(changes instanceof List<?> list)) {
                return;
            }
            for (Object o : list) {
                Map<String, Object> c = (Map<String, Object>) o;
                int nodeId = ((Number) c.get("node")).intValue();
                String type = (String) c.get("type");
                switch (type) {
                    case "attach" -> nodes.put(nodeId, new Node());
                    case "detach" -> nodes.remove(nodeId);
                    case "put" -> {
                        Node n = nodes.computeIfAbsent(nodeId, k -> new Node());
                        String key = (String) c.get("key");
                        Object value = c.get("value");
                        int feat = ((Number) c.get("feat")).intValue();
                        if ("tag".equals(key) && feat == 0) {
                            n.tag = (String) value;
                        } else if ("id".equals(key) && feat == 3) {
                            n.domId = (String) value;
                        } else if ("text".equals(key) && feat == 7) {
                            n.text = (String) value;
                        } else if ("value".equals(key) && feat == 1) {
                            n.value = value;
                        } else if ("label".equals(key) && feat == 1) {
                            n.label = value;
                        }
                    }
                    case "splice" -> {
                        Node n = nodes.computeIfAbsent(nodeId, k -> new Node());
                        if (((Number) c.get("feat")).intValue() != 2) {
                            if (c.get("addNodes") instanceof List<?> added) {
                                for (Object a : added) {
                                    nodes.computeIfAbsent(((Number) a).intValue(), k -> new Node()).parent = nodeId;
                                }
                            }
                            break;
                        }
                        int index = ((Number) c.get("index")).intValue();
                        int remove = c.get("remove") instanceof Number r ? r.intValue() : 0;
                        for (int i = 0; i < remove && index < n.children.size(); i++) {
                            n.children.remove(index);
                        }
                        if (c.get("addNodes") instanceof List<?> added) {
                            int at = Math.min(index, n.children.size());
                            for (Object a : added) {
                                int child = ((Number) a).intValue();
                                n.children.add(at++, child);
                                nodes.computeIfAbsent(child, k -> new Node()).parent = nodeId;
                            }
                        }
                    }
                    case "clear" -> {
                        Node n = nodes.get(nodeId);
                        if (n != null && ((Number) c.get("feat")).intValue() == 2) {
                            n.children.clear();
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        int id(String domId) {
            for (Map.Entry<Integer, Node> e : nodes.entrySet()) {
                if (domId.equals(e.getValue().domId)) {
                    return e.getKey();
                }
            }
            throw fail("node with id '" + domId + "' not in the UI");
        }

        /** The concatenated text of a node's text children. */
        String textOf(int nodeId) {
            StringBuilder s = new StringBuilder();
            for (int child : nodes.get(nodeId).children) {
                Node c = nodes.get(child);
                if (c != null && c.text != null) {
                    s.append(c.text);
                }
            }
            return s.toString();
        }

        int buttonWithText(String text) {
            for (Map.Entry<Integer, Node> e : nodes.entrySet()) {
                if ("vaadin-button".equals(e.getValue().tag) && text.equals(textOf(e.getKey()).strip())) {
                    return e.getKey();
                }
            }
            throw fail("no button '" + text + "'");
        }

        /** The first button below the node with a DOM id (e.g. a repeating group's "add"). */
        int buttonIn(String domId) {
            int root = id(domId);
            for (Map.Entry<Integer, Node> e : nodes.entrySet()) {
                if ("vaadin-button".equals(e.getValue().tag) && below(e.getKey(), root)) {
                    return e.getKey();
                }
            }
            throw fail("no button in " + domId);
        }

        boolean below(int node, int root) {
            int p = node;
            for (int depth = 0; depth < 50 && p >= 0; depth++) {
                if (p == root) {
                    return true;
                }
                Node n = nodes.get(p);
                p = n == null ? -1 : n.parent;
            }
            return false;
        }

        /** The non-empty {@code value} keys of list items below a node, in document order. */
        List<String> itemKeys(int root, String... tags) {
            List<String> keys = new ArrayList<>();
            collect(root, Arrays.asList(tags), keys, 0);
            return keys;
        }

        private void collect(int nodeId, List<String> tags, List<String> keys, int depth) {
            Node n = nodes.get(nodeId);
            if (n == null || depth > 30) {
                return;
            }
            if (tags.contains(n.tag) && n.value instanceof String s && !s.isEmpty()) {
                keys.add(s);
            }
            for (int child : n.children) {
                collect(child, tags, keys, depth + 1);
            }
        }

        static String summary(Map<String, Object> response) {
            String s = Json.write(response);
            Matcher m = Pattern.compile("\"value\":\"([^\"]{0,80})\"").matcher(s);
            List<String> texts = new ArrayList<>();
            while (m.find() && texts.size() < 4) {
                texts.add(m.group(1));
            }
            return " (response texts: " + texts + ")";
        }

        static void record(int kind, long nanos) {
            SENT.incrementAndGet();
            if (recording) {
                TIMINGS.add(new long[] {kind, nanos});
            }
        }

        static Failure fail(String message) {
            return new Failure(message);
        }
    }

    // ---- minimal JSON -----------------------------------------------------------------------------

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object value = j.value();
            return value;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        ws();
                        String key = string();
                        ws();
                        i++; // :
                        map.put(key, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return map;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> list = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return list;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    i += 4;
                    return Boolean.TRUE;
                }
                case 'f' -> {
                    i += 5;
                    return Boolean.FALSE;
                }
                case 'n' -> {
                    i += 4;
                    return null;
                }
                default -> {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String number = s.substring(start, i);
                    return number.matches("-?\\d+") && number.length() < 18 ? (Number) Long.parseLong(number)
                            : (Number) Double.parseDouble(number);
                }
            }
        }

        private String string() {
            i++; // opening quote
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        static String write(Object value) {
            StringBuilder b = new StringBuilder();
            write(value, b);
            return b.toString();
        }

        @SuppressWarnings("unchecked")
        private static void write(Object value, StringBuilder b) {
            if (value == null) {
                b.append("null");
            } else if (value instanceof String str) {
                b.append('"');
                for (char c : str.toCharArray()) {
                    switch (c) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        default -> {
                            if (c < 0x20) {
                                b.append(String.format("\\u%04x", (int) c));
                            } else {
                                b.append(c);
                            }
                        }
                    }
                }
                b.append('"');
            } else if (value instanceof Map<?, ?> map) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    write(e.getKey(), b);
                    b.append(':');
                    write(e.getValue(), b);
                }
                b.append('}');
            } else if (value instanceof List<?> list) {
                b.append('[');
                for (int k = 0; k < list.size(); k++) {
                    if (k > 0) {
                        b.append(',');
                    }
                    write(list.get(k), b);
                }
                b.append(']');
            } else {
                b.append(value);
            }
        }
    }
}
