package org.formularium.builder.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.Locale;

/**
 * A read-only outline of a stored definition (drafts with problems too): the title, then the pages with their
 * elements as nested lists, each named by its label in the UI's language (German as fallback), its type and key.
 */
class VersionOutline extends Div {

    private static final int MAX_INFO_CHARS = 80;
    private final String language;

    VersionOutline(JsonNode definition, Locale locale) {
        this.language = locale.getLanguage();
        addClassName("version-outline");
        add(new Paragraph(getTranslation("builder.outline.form", text(definition.get("title"), definition.path("key").asText()))));
        UnorderedList pages = new UnorderedList();
        for (JsonNode page : definition.path("pages")) {
            ListItem item = new ListItem(new Span(getTranslation("builder.outline.page",
                    text(page.get("title"), page.path("key").asText()))), new Span(" "), new Code(page.path("key").asText()));
            item.add(elements(page.path("elements")));
            pages.add(item);
        }
        add(pages);
    }

    private UnorderedList elements(JsonNode elements) {
        UnorderedList list = new UnorderedList();
        for (JsonNode element : elements) {
            String type = element.path("type").asText("?");
            String name = text(element.has("label") ? element.get("label") : element.get("title"), null);
            if (name == null && element.has("content")) {
                String content = text(element.get("content"), "");
                name = content.length() > MAX_INFO_CHARS ? content.substring(0, MAX_INFO_CHARS) + "…" : content;
            }
            ListItem item = new ListItem(new Span((name == null ? "" : name + " ") + "(" + type + ") "),
                    new Code(element.path("key").asText()));
            if (element.has("elements")) {
                item.add(elements(element.get("elements")));
            }
            list.add(item);
        }
        return list;
    }

    private String text(JsonNode localized, String fallback) {
        if (localized == null || !localized.isObject()) {
            return fallback;
        }
        String value = localized.path(language).asText("");
        if (value.isBlank()) {
            value = localized.path("de").asText("");
        }
        return value.isBlank() ? fallback : value;
    }
}
