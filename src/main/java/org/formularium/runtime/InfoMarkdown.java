package org.formularium.runtime;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limited Markdown of info blocks (paragraphs, emphasis, links, lists) as safe HTML: raw HTML in the text
 * is escaped, then the result passes an allow-list sanitiser, so a definition can never inject markup.
 */
public final class InfoMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "em", "strong", "ul", "ol", "li", "br", "a")
            .allowUrlProtocols("https", "http", "mailto", "tel")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    /** Info texts come from published definitions: rendered once each (bounded, for many forms and versions). */
    private static final int CACHED_TEXTS = 2_000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private InfoMarkdown() {
    }

    /** The sanitised HTML of a Markdown text (a fragment without a root element). */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String known = CACHE.get(markdown);
        if (known != null) {
            return known;
        }
        String html = POLICY.sanitize(RENDERER.render(PARSER.parse(markdown))).strip();
        if (CACHE.size() < CACHED_TEXTS) {
            CACHE.put(markdown, html);
        }
        return html;
    }
}
