package org.formularium.runtime.ui;

import org.formularium.definition.outline.OutlineAnswer;
import org.formularium.definition.outline.OutlineEntry;
import org.formularium.definition.outline.OutlineGroup;
import org.formularium.definition.outline.OutlineItem;
import org.formularium.definition.outline.OutlinePage;
import org.formularium.definition.outline.OutlineSection;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * "Check your answers" as HTML, one block per page: {@code h3} per page, {@code h4} per section and group, item
 * titles, and {@code <dl class="review-list">} with a term, the answer and a native "change" button per answer. A
 * button carries only its number ({@code data-i}); {@link #targets()} maps the number to what it changes (a data
 * path, or the privacy step). Every text from the definition or the citizen is escaped. Pure: no Vaadin, so the
 * markup is tested on its own.
 */
final class ReviewHtml {

    private final Translator texts;
    private final List<Block> blocks = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    ReviewHtml(Translator texts) {
        this.texts = texts;
    }

    /** Adds one page: its title and its answers, sections and groups in document order. */
    ReviewHtml page(OutlinePage page) {
        StringBuilder html = new StringBuilder(512);
        html.append("<h3>").append(escape(page.title())).append("</h3>");
        entries(html, page.entries());
        blocks.add(new Block(true, html.toString()));
        return this;
    }

    /** Adds a block of one row outside the pages (e.g. the privacy consent) whose button opens {@code target}. */
    ReviewHtml row(String term, String value, String target) {
        StringBuilder html = new StringBuilder(256).append("<dl class=\"review-list\">");
        row(html, term, value, target);
        blocks.add(new Block(false, html.append("</dl>").toString()));
        return this;
    }

    /** One block of HTML: a page (shown as a section) or an extra row. */
    record Block(boolean page, String html) {
    }

    /** The HTML blocks in order (one per page, then the extra rows). */
    List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** What the button with {@code data-i = n} changes: a data path or a step. */
    List<String> targets() {
        return List.copyOf(targets);
    }

    private void entries(StringBuilder html, List<OutlineEntry> entries) {
        boolean listOpen = false;
        for (OutlineEntry entry : entries) {
            if (entry instanceof OutlineAnswer answer) {
                if (!listOpen) {
                    html.append("<dl class=\"review-list\">");
                    listOpen = true;
                }
                row(html, answer.label(), answer.answered() ? answer.displayValue() : notAnswered(), answer.path());
                continue;
            }
            if (listOpen) {
                html.append("</dl>");
                listOpen = false;
            }
            if (entry instanceof OutlineSection section) {
                html.append("<h4>").append(escape(section.title())).append("</h4>");
                entries(html, section.entries());
            } else if (entry instanceof OutlineGroup group) {
                html.append("<h4>").append(escape(group.label())).append("</h4>");
                if (group.items().isEmpty()) {
                    html.append("<dl class=\"review-list\">");
                    row(html, group.label(), notAnswered(), group.path());
                    html.append("</dl>");
                }
                for (OutlineItem item : group.items()) {
                    html.append("<p class=\"review-item\">").append(escape(item.label())).append("</p>");
                    entries(html, item.entries());
                }
            }
        }
        if (listOpen) {
            html.append("</dl>");
        }
    }

    private void row(StringBuilder html, String term, String value, String target) {
        int index = targets.size();
        targets.add(target);
        html.append("<dt>").append(escape(term)).append("</dt><dd class=\"review-value\">").append(escape(value))
                .append("</dd><dd><button type=\"button\" class=\"review-change\" data-i=\"").append(index)
                .append("\" aria-label=\"").append(escape(texts.getTranslation("form.review.change.named", term)))
                .append("\">").append(escape(texts.getTranslation("form.review.change"))).append("</button></dd>");
    }

    private String notAnswered() {
        return texts.getTranslation("form.review.notAnswered");
    }

    /** Escapes {@code < > & " '} (the page is UTF-8, so other characters such as umlauts stay as they are). */
    static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
