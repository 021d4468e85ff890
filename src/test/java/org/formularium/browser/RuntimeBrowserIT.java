package org.formularium.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.FilePayload;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.Elements;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.Page;
import org.formularium.definition.store.FormService;
import org.formularium.runtime.DraftService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six demo forms completed with the keyboard only (Tab, Shift+Tab, Space, Enter, arrow keys, typing) and
 * checked with axe-core (WCAG 2.1 A/AA) on every state: each page (repeating groups with their items), the
 * error summary, the privacy step, check your answers and the confirmation.
 */
class RuntimeBrowserIT extends AbstractBrowserIT {

    /** The focused control: the closest element whose id is a field id, the control's tag, label and state. */
    private static final String FOCUS_INFO = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; }
              if (!el || el === document.body) return null;
              let node = el, field = null;
              while (node) {
                if (node.id && (node.id.startsWith('field-') || node.id === 'privacy-consent')) { field = node; break; }
                node = node.parentElement || (node.getRootNode() && node.getRootNode().host) || null;
              }
              const radio = el.closest ? el.closest('vaadin-radio-button, vaadin-checkbox') : null;
              const label = radio ? (radio.querySelector('label') || radio).textContent.trim() : '';
              const text = (el.getAttribute('aria-label') || el.innerText || el.textContent || '').trim();
              return { field: field ? field.id : '', fieldTag: field ? field.tagName.toLowerCase() : '',
                       tag: el.tagName.toLowerCase(), type: el.type || '', label: label, checked: !!el.checked, text: text };
            }""";

    @Autowired
    FormService forms;
    @Autowired
    DraftService drafts;

    private FormDefinition definition;
    private final Map<String, String> pathById = new HashMap<>();
    private final Set<String> handled = new HashSet<>();
    private ObjectNode answers;

    /** The DOM id the runtime gives the field of a data path (see RenderContext.fieldId). */
    private static String fieldId(String path) {
        return "field-" + path.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static ObjectNode json(String resource) {
        try (InputStream in = RuntimeBrowserIT.class.getResourceAsStream(resource)) {
            return (ObjectNode) DefinitionJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"buecherwunsch", "fischereischein", "fundsache", "ideen-beschwerden", "parkausweis", "veranstaltung"})
    void demo_form_is_completed_with_the_keyboard_only_and_every_state_has_no_axe_violations(String key) {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("runtime.forms", key).contains(key));
        definition = DefinitionJson.read(DefinitionJson.write(json("/forms/demo/" + key + ".json")));
        answers = json("/forms/demo-submissions/" + key + ".json");
        indexPaths(answers, "");
        open("/f/" + key);
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("de");
        assertNoAxeViolations(key + ": first page");

        // keyboard: skip link, then into the main content
        page.keyboard().press("Tab");
        assertThat(focusedName()).isEqualTo("Zum Inhalt springen");
        page.keyboard().press("Enter");

        // "Weiter" without answers: the error summary gets the focus, the title says "Fehler"
        tabTo("Weiter");
        page.keyboard().press("Enter");
        settle();
        page.waitForFunction("() => document.activeElement && document.activeElement.id === 'error-summary'");
        assertThat(page.title()).startsWith("Fehler: ");
        assertNoAxeViolations(key + ": error summary");
        // the first link moves the focus to its field
        page.keyboard().press("Tab");
        String href = (String) page.evaluate("() => document.activeElement.getAttribute('href')");
        page.keyboard().press("Enter");
        settle();
        @SuppressWarnings("unchecked")
        Map<String, Object> afterLink = (Map<String, Object>) page.evaluate(FOCUS_INFO);
        assertThat(afterLink).as("focus after the error link " + href).isNotNull();
        assertThat("#" + afterLink.get("field")).startsWith(href.replaceAll("-(street|houseNumber|postalCode|city)$", ""));

        boolean focusOnField = true;
        for (int step = 0; step < 12; step++) {
            String progress = page.locator("#progress").textContent();
            String heading = page.locator("#step-heading").textContent();
            if (heading.equals("Angaben prüfen")) {
                assertNoAxeViolations(key + ": check your answers");
                tabTo("Absenden");
                page.keyboard().press("Enter");
                page.waitForURL(u -> u.endsWith("/bestaetigung"));
                settle();
                assertThat(page.locator("main h1").textContent()).isEqualTo("Antrag eingegangen");
                assertThat(page.locator("#reference").textContent()).matches("FM-\\d{4}-\\d{6}");
                assertThat(page.locator("#access-code").textContent()).hasSize(12);
                assertNoAxeViolations(key + ": confirmation");
                return;
            }
            fillPage(focusOnField);
            assertNoAxeViolations(key + ": " + heading);
            page.keyboard().press("Enter"); // on "Weiter"
            settle();
            page.waitForFunction("p => document.getElementById('progress').textContent !== p"
                    + " || !document.getElementById('error-summary').hasAttribute('hidden')", progress);
            assertThat(page.locator("#error-summary").isVisible())
                    .as("errors on " + heading + ": " + (page.locator("#error-summary").isVisible()
                            ? page.locator("#error-summary").innerHTML() : "")).isFalse();
            page.waitForFunction("() => document.activeElement && document.activeElement.id === 'step-heading'");
            assertThat(page.title()).startsWith(page.locator("#step-heading").textContent() + " – ");
            focusOnField = false;
        }
        throw new AssertionError("the review was not reached");
    }

    /** Tabs through the page answering every field it meets; stops focused on "Weiter". */
    private void fillPage(boolean startOnField) {
        boolean first = startOnField;
        for (int i = 0; i < 120; i++) {
            if (!first) {
                page.keyboard().press("Tab");
            }
            first = false;
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) page.evaluate(FOCUS_INFO);
            if (focus == null) {
                continue;
            }
            String text = (String) focus.get("text");
            String field = (String) focus.get("field");
            if ("privacy-consent".equals(field)) {
                if (!(Boolean) focus.get("checked")) {
                    page.keyboard().press("Space");
                    settle();
                }
                continue;
            }
            if ("vaadin-button".equals(focus.get("tag")) && "Weiter".equals(text)) {
                return;
            }
            if (!field.isEmpty()) {
                if (answer(field, focus)) {
                    first = true; // the answer moved the focus onto a new control (a new group item)
                }
            }
        }
        throw new AssertionError("did not reach the button Weiter");
    }

    /** Answers the focused control; returns true when focus moved to a control that must be handled next. */
    private boolean answer(String fieldId, Map<String, Object> focus) {
        String tag = (String) focus.get("tag");
        String fieldTag = (String) focus.get("fieldTag");
        String path = pathById.get(fieldId);
        if ("div".equals(fieldTag) && "vaadin-button".equals(tag) && ((String) focus.get("text")).endsWith("hinzufügen")) {
            JsonNode items = answers.get(path);
            int shown = page.locator("#" + fieldId + " fieldset.group-item").count();
            if (items != null && items.size() > shown) {
                page.keyboard().press("Enter");
                settle();
                return true;
            }
            return false;
        }
        if (path == null) {
            return false;
        }
        JsonNode value = at(path);
        if (value == null) {
            return false;
        }
        InputElement element = element(path);
        String key = fieldId + "|" + focus.get("label");
        if ("div".equals(fieldTag) && "vaadin-button".equals(tag)) {
            if (handled.add(fieldId)) {
                // Playwright cannot drive the native file dialog with keys: the upload's file input gets the files directly
                boolean pdf = element instanceof org.formularium.definition.model.FileElement f && f.acceptOrDefault().contains("application/pdf");
                List<FilePayload> files = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    files.add(pdf
                            ? new FilePayload("nachweis-" + i + ".pdf", "application/pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1))
                            : new FilePayload("foto-" + i + ".png", "image/png", largePng()));
                }
                for (FilePayload file : files) {
                    page.locator("#" + fieldId + " vaadin-upload input[type=file]").setInputFiles(file);
                    page.waitForFunction("([id, n]) => document.querySelectorAll('#' + id + ' .file-list li').length >= n",
                            List.of(fieldId, files.indexOf(file) + 1));
                }
                settle();
                page.locator("#" + fieldId + " [slot=add-button]").focus(); // keep the keyboard position
            }
            return false;
        }
        switch (fieldTag) {
            case "vaadin-radio-group" -> {
                String wanted = label(element, value);
                for (int i = 0; i < 12 && !wanted.equals(currentLabel()); i++) {
                    page.keyboard().press("ArrowDown");
                }
                if (!currentChecked()) {
                    page.keyboard().press("Space");
                }
                settle();
            }
            case "vaadin-checkbox-group" -> {
                Set<String> wanted = new HashSet<>();
                value.forEach(v -> wanted.add(label(element, v)));
                if (wanted.contains((String) focus.get("label")) != (Boolean) focus.get("checked")) {
                    page.keyboard().press("Space");
                    settle();
                }
            }
            case "vaadin-checkbox" -> {
                if (value.asBoolean() != (Boolean) focus.get("checked")) {
                    page.keyboard().press("Space");
                    settle();
                }
            }
            case "vaadin-select" -> {
                if (handled.add(key)) {
                    List<Option> options = definition.optionsOf((ChoiceElement) element);
                    int index = 0;
                    for (int i = 0; i < options.size(); i++) {
                        if (options.get(i).value().equals(value.asText())) {
                            index = i + 1;
                        }
                    }
                    page.keyboard().press("Enter");
                    page.waitForSelector("vaadin-select-overlay[opened]");
                    page.keyboard().press("Home");
                    for (int i = 0; i < index; i++) {
                        page.keyboard().press("ArrowDown");
                    }
                    page.keyboard().press("Enter");
                    settle();
                }
            }
            case "vaadin-date-picker" -> {
                String[] parts = value.asText().split("-");
                typeInto(parts[2] + "." + parts[1] + "." + parts[0]);
            }
            default -> {
                String typed = value.isNumber() ? value.asText().replace('.', ',') : value.asText();
                typeInto(typed);
            }
        }
        return false;
    }

    /** A 2.5 MB "photo": more than the servlet container's default 1 MB multipart limit. */
    private static byte[] largePng() {
        byte[] png = new byte[2_500_000];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        System.arraycopy(header, 0, png, 0, header.length);
        return png;
    }

    private void typeInto(String text) {
        page.keyboard().press("Control+A");
        page.keyboard().press("Delete");
        page.keyboard().insertText(text);
    }

    private String currentLabel() {
        @SuppressWarnings("unchecked")
        Map<String, Object> focus = (Map<String, Object>) page.evaluate(FOCUS_INFO);
        return focus == null ? "" : (String) focus.get("label");
    }

    private boolean currentChecked() {
        @SuppressWarnings("unchecked")
        Map<String, Object> focus = (Map<String, Object>) page.evaluate(FOCUS_INFO);
        return focus != null && (Boolean) focus.get("checked");
    }

    private void tabTo(String name) {
        for (int i = 0; i < 150; i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focus = (Map<String, Object>) page.evaluate(FOCUS_INFO);
            if (focus != null && name.equals(focus.get("text"))) {
                return;
            }
        }
        throw new AssertionError("no button " + name);
    }

    private String label(InputElement element, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "Ja" : "Nein";
        }
        return definition.optionsOf((ChoiceElement) element).stream().filter(o -> o.value().equals(value.asText()))
                .findFirst().map(o -> o.label().get("de")).orElseThrow();
    }

    /** Maps DOM ids of fields to data paths for every answer of the sample (group items and address parts too). */
    private void indexPaths(JsonNode data, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String path = prefix + entry.getKey();
            pathById.put(fieldId(path), path);
            if (entry.getValue().isObject()) {
                indexPaths(entry.getValue(), path + ".");
            } else if (entry.getValue().isArray()) {
                for (int i = 0; i < entry.getValue().size(); i++) {
                    if (entry.getValue().get(i).isObject() && !entry.getValue().get(i).has("sha256")) {
                        indexPaths(entry.getValue().get(i), path + "[" + i + "].");
                    }
                }
            }
        }
    }

    private JsonNode at(String path) {
        JsonNode node = answers;
        for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
            node = node == null ? null : node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node;
    }

    /** The element of a data path (group items: the element inside the group; address parts: a text). */
    private InputElement element(String path) {
        String[] parts = path.replaceAll("\\[\\d+]", "").split("\\.");
        List<Element> scope = new ArrayList<>();
        for (Page p : definition.pages()) {
            scope.addAll(Elements.scope(p.elements()));
        }
        InputElement found = null;
        for (String part : parts) {
            found = scope.stream().filter(e -> e.key().equals(part)).filter(InputElement.class::isInstance)
                    .map(InputElement.class::cast).findFirst().orElse(found);
            if (found instanceof GroupElement group) {
                scope = Elements.scope(group.elements());
            }
        }
        return found;
    }

    @Test
    void change_buttons_on_check_your_answers_work_with_enter_and_space_and_the_review_has_no_axe_violations() throws IOException {
        String key = "buecherwunsch";
        int version = forms.latestPublished(key).orElseThrow().version();
        String token = drafts.save(null, key, version, json("/forms/demo-submissions/" + key + ".json"), "_review", null);
        open("/f/" + key + "/fortsetzen/" + token);
        assertThat(page.locator("#step-heading").textContent()).isEqualTo("Angaben prüfen");
        assertThat(page.locator("dl.review-list dd.review-value").allTextContents()).contains("Jürgen", "Weißmüller");
        assertThat(page.locator("button.review-change").count()).isGreaterThanOrEqualTo(13);
        assertNoAxeViolations(key + ": check your answers (resumed)");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(shots.resolve("review.png")).setFullPage(true));

        // Enter on a change button opens the page of the answer with the focus in its field
        tabTo("Vorname ändern");
        page.keyboard().press("Enter");
        settle();
        page.waitForFunction("() => document.getElementById('step-heading').textContent !== 'Angaben prüfen'");
        page.waitForFunction("id => { const f = document.getElementById(id); return f && f.contains(document.activeElement)"
                + " || (document.activeElement && document.activeElement.closest && document.activeElement.closest('#' + id)); }",
                fieldId("first_name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> focus = (Map<String, Object>) page.evaluate(FOCUS_INFO);
        assertThat(focus.get("field")).isEqualTo(fieldId("first_name"));
        typeInto("Jutta");
        tabTo("Zurück zur Übersicht");
        page.keyboard().press("Enter");
        settle();
        page.waitForFunction("() => document.getElementById('step-heading').textContent === 'Angaben prüfen'");
        assertThat(page.locator("dl.review-list dd.review-value").allTextContents()).contains("Jutta").doesNotContain("Jürgen");

        // Space on another one does the same
        tabTo("Titel ändern");
        page.keyboard().press("Space");
        settle();
        page.waitForFunction("() => document.getElementById('step-heading').textContent !== 'Angaben prüfen'");
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) page.evaluate(FOCUS_INFO);
        assertThat(second.get("field")).isEqualTo(fieldId("media_title"));
        assertNoAxeViolations(key + ": a page opened from check your answers");
    }

    @Test
    void a_form_page_and_the_catalogue_reflow_at_320_pixels_and_at_200_percent_zoom() {
        for (int[] size : new int[][]{{320, 640, 1}, {640, 450, 2}}) {
            try (var narrow = page.context().browser().newContext(new Browser.NewContextOptions().setLocale("de-DE")
                    .setViewportSize(size[0], size[1]).setDeviceScaleFactor(size[2]))) {
                var narrowPage = narrow.newPage();
                for (String path : List.of("/f/parkausweis", "/f/veranstaltung", "/forms")) {
                    narrowPage.navigate(url(path));
                    narrowPage.waitForSelector("main h1");
                    narrowPage.waitForFunction("() => window.Vaadin && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
                    Object fits = narrowPage.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth");
                    assertThat(fits).as(path + " at " + size[0] + "px").isEqualTo(true);
                }
            }
        }
    }

    @Test
    void saved_answers_are_offered_again_after_the_session_is_gone() {
        open("/f/fundsache");
        page.locator("#" + fieldId("item_what") + " input").fill("Schlüsselbund");
        page.getByText("Speichern und später fortsetzen").click();
        settle();
        assertThat(page.locator("#resume-link input").inputValue()).contains("/f/fundsache/fortsetzen/");
        assertNoAxeViolations("fundsache: saved for later");

        // the session expires: only the draft cookie (HttpOnly) is left
        context.clearCookies(new com.microsoft.playwright.BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
        open("/f/fundsache");

        assertThat(page.getByText("Gespeicherte Angaben gefunden").isVisible()).isTrue();
        assertNoAxeViolations("fundsache: saved answers offered");
        page.getByText("Mit gespeicherten Angaben fortfahren").click();
        settle();
        assertThat(page.locator("#" + fieldId("item_what") + " input").inputValue()).isEqualTo("Schlüsselbund");
    }

    @Test
    void english_form_page_has_english_language_and_no_axe_violations() {
        open("/f/fundsache");
        page.getByText("English").click();
        page.waitForFunction("() => document.documentElement.lang === 'en'");
        settle();

        assertThat(page.locator("#progress").textContent()).isEqualTo("Step 1 of 5");
        assertThat(page.locator("vaadin-upload [slot=add-button]").first().textContent()).contains("Choose");
        assertNoAxeViolations("fundsache in English");
    }
}
