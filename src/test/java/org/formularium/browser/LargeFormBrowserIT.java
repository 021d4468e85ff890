package org.formularium.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import org.formularium.definition.store.FormService;
import org.formularium.runtime.DraftService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated 250-field form ({@link LargeForm}: five pages, a repeating group with 100 items) in the browser:
 * the first page (50 fields) shows its first field within 1.5 s of navigation start (judged only when the machine's
 * load average does not exceed its cores) and no server response (the page, Vaadin's init and every UIDL response)
 * is larger than 200 KB. A fully filled draft (all 247 fields and 100 group items, shown ten at a time) is continued,
 * its group paged through with the keyboard, and paged on to "check your answers", every response within 200 KB.
 * Prints the figures for BENCHMARKS.md.
 */
class LargeFormBrowserIT extends AbstractBrowserIT {

    private static final String KEY = "bench-large-250";
    private static final long MAX_RESPONSE_BYTES = 200 * 1024;
    private static final long MAX_FIRST_PAGE_MILLIS = 1500;
    /** Time is measured in the page from navigation start; the waits themselves are generous for a busy machine. */
    private static final Page.NavigateOptions COMMIT = new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT);
    private static final Page.WaitForSelectorOptions VISIBLE = new Page.WaitForSelectorOptions()
            .setState(WaitForSelectorState.VISIBLE).setTimeout(90_000);

    /** Records, at document start, when the element with the given id is first visible (ms since navigation start). */
    private static final String VISIBLE_AT = """
            (() => {
              const id = '%s';
              const check = () => {
                const el = document.getElementById(id);
                if (el && el.getBoundingClientRect().height > 0) {
                  window['visibleAt_' + id] = performance.now();
                } else {
                  requestAnimationFrame(check);
                }
              };
              requestAnimationFrame(check);
            })();""";

    @Autowired
    FormService forms;
    @Autowired
    DraftService drafts;

    private final List<Response> responses = new ArrayList<>();

    @BeforeEach
    void publishAndListen() {
        context.setDefaultTimeout(60_000);
        synchronized (LargeFormBrowserIT.class) {
            if (forms.latestPublished(KEY).isEmpty()) {
                forms.create(LargeForm.definition(KEY), "bench", true);
            }
        }
        page.onResponse(response -> {
            String url = response.url();
            if (url.contains("v-r=") || "document".equals(response.request().resourceType())) {
                responses.add(response);
            }
        });
    }

    @Test
    void first_page_of_the_250_field_form_is_visible_within_one_and_a_half_seconds_and_responses_stay_small() {
        String firstField = "field-" + LargeForm.key(1, 1);
        page.addInitScript(VISIBLE_AT.formatted(firstField));

        List<Double> millis = new ArrayList<>();
        long largest = 0;
        for (int visit = 0; visit < 4; visit++) {
            context.clearCookies();
            page.navigate(url("/f/" + KEY), COMMIT);
            page.waitForSelector("#" + firstField, VISIBLE);
            millis.add(((Number) page.evaluate("() => window['visibleAt_" + firstField + "']")).doubleValue());
            settle();
            largest = Math.max(largest, largestResponse("first page, visit " + (visit + 1)));
        }
        assertThat(page.locator("main vaadin-text-field, main vaadin-email-field, main vaadin-date-picker, "
                + "main vaadin-text-area, main vaadin-select, main vaadin-radio-group").count()).isEqualTo(50);

        // the first visit loads the client bundle into this browser's cache; the next three are what a citizen sees
        List<Double> measured = millis.subList(1, millis.size()).stream().sorted().toList();
        double median = measured.get(1);
        System.out.printf(Locale.ROOT, "LARGE-FORM first page: first visit %.0f ms, then %s ms (median %.0f ms); "
                + "largest response %.1f KB%n", millis.get(0), measured.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList(),
                median, largest / 1024.0);
        assertThat(largest).as("largest server response (bytes)").isLessThanOrEqualTo(MAX_RESPONSE_BYTES);
        // time says something only on a machine that is not overloaded (2-core machine shared with parallel builds)
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        Assumptions.assumeTrue(load <= cores, "load average " + load + " on " + cores + " cores: time not judged");
        assertThat(median).as("time to the first field of the first page (ms)").isLessThanOrEqualTo(MAX_FIRST_PAGE_MILLIS);
    }

    @Test
    void a_fully_filled_draft_with_100_group_items_is_continued_paged_through_by_keyboard_and_reviewed() {
        int version = forms.latestPublished(KEY).orElseThrow().version();
        String token = drafts.save(null, KEY, version, LargeForm.filledData(), "page2", null);
        String lastShown = "field-entries-9--description";
        page.addInitScript(VISIBLE_AT.formatted(lastShown));

        page.navigate(url("/f/" + KEY + "/fortsetzen/" + token), COMMIT);
        page.waitForSelector("#" + lastShown, VISIBLE);
        double groupPage = ((Number) page.evaluate("() => window['visibleAt_" + lastShown + "']")).doubleValue();
        settle();
        // the 100 items are shown ten at a time with a pager
        assertThat(page.locator("#" + lastShown + " input").inputValue()).isEqualTo("Position Nummer 10");
        assertThat(page.locator("fieldset.group-item").count()).isEqualTo(10);
        assertThat(page.locator(".group-range").textContent()).isEqualTo("Einträge 1 bis 10 von 100");
        long largestGroupPage = largestResponse("page with 100 group items");
        assertNoAxeViolations("group page with a pager");

        // keyboard only: Enter on "Nächste Einträge" nine times; the focus stays on the button
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nächste Einträge").setExact(true)).focus();
        for (int shown = 2; shown <= LargeForm.GROUP_ITEMS / 10; shown++) {
            page.keyboard().press("Enter");
            page.waitForFunction("(n) => document.querySelector('.group-range').textContent.startsWith('Einträge ' + n + ' ')",
                    (shown - 1) * 10 + 1, new Page.WaitForFunctionOptions().setTimeout(90_000));
            settle();
            if (shown < LargeForm.GROUP_ITEMS / 10) {
                assertThat(focusedName()).as("focus after turning to page " + shown).isEqualTo("Nächste Einträge");
            }
        }
        // on the last page "Nächste Einträge" is disabled: the focus goes to the group's heading
        page.waitForFunction("() => document.activeElement && document.activeElement.id === 'field-entries-heading'");
        long largestPaging = largestResponse("paging through the group");
        String lastItem = "field-entries-" + (LargeForm.GROUP_ITEMS - 1) + "--description";
        assertThat(page.locator("#" + lastItem + " input").inputValue()).isEqualTo("Position Nummer 100");
        assertThat(page.locator(".group-range").textContent()).isEqualTo("Einträge 91 bis 100 von 100");
        assertNoAxeViolations("last page of the group's items");

        List<Long> stepMillis = new ArrayList<>();
        List<String> stepSizes = new ArrayList<>();
        long largestSteps = 0;
        for (int step = 3; step <= 6; step++) {
            long t0 = System.nanoTime();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Weiter").setExact(true)).click();
            page.waitForFunction("(n) => document.getElementById('progress').textContent.startsWith('Schritt ' + n + ' ')", step,
                    new Page.WaitForFunctionOptions().setTimeout(90_000));
            settle();
            stepMillis.add((System.nanoTime() - t0) / 1_000_000);
            long size = largestResponse("step " + step);
            stepSizes.add(String.format(Locale.ROOT, "%.1f", size / 1024.0));
            largestSteps = Math.max(largestSteps, size);
        }
        assertThat(page.locator("#step-heading").textContent()).isEqualTo("Angaben prüfen");
        assertThat(page.locator("main").textContent()).contains("Position Nummer 100", "Antwort p5_f41");

        System.out.printf(Locale.ROOT, "LARGE-FORM filled draft: group page (100 items, 10 shown) visible after %.0f ms, "
                + "largest response %.1f KB; paging largest response %.1f KB; pages 3-5 and review %s ms, largest "
                + "responses %s KB%n", groupPage, largestGroupPage / 1024.0, largestPaging / 1024.0, stepMillis, stepSizes);
        assertThat(largestGroupPage).as("largest response opening the group page (bytes)").isLessThanOrEqualTo(MAX_RESPONSE_BYTES);
        assertThat(largestPaging).as("largest response paging through the group (bytes)").isLessThanOrEqualTo(MAX_RESPONSE_BYTES);
        assertThat(largestSteps).as("largest response paging to the review (bytes)").isLessThanOrEqualTo(MAX_RESPONSE_BYTES);
    }

    /** The largest body among the responses since the last call (and forgets them). */
    private long largestResponse(String state) {
        long largest = 0;
        for (Response response : List.copyOf(responses)) {
            int status = response.status();
            assertThat(status).as(state + ": " + response.url()).isBetween(200, 399);
            if (status < 300) {
                largest = Math.max(largest, response.body().length);
            }
        }
        responses.clear();
        return largest;
    }
}
