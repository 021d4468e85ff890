package org.formularium.runtime.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;

/**
 * The GOV.UK error summary: a container (role=alert, tabindex=-1, named by its heading) that receives focus,
 * with one link per error. A link moves focus to its field in the browser ({@code router-ignore}, default
 * prevented) or, for a field on another step, runs a server action that opens that step.
 */
final class ErrorSummary extends Div {

    /** One error: its message and either the DOM id of its field on this page or an action that shows it. */
    record Entry(String message, String focusId, Runnable action) {
    }

    private final H2 heading = new H2();
    private final UnorderedList list = new UnorderedList();

    ErrorSummary(Translator texts) {
        setId("error-summary");
        addClassName("error-summary");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        heading.setId("error-summary-title");
        heading.setText(texts.getTranslation("form.errors.title"));
        getElement().setAttribute("aria-labelledby", "error-summary-title");
        add(heading, list);
        setVisible(false);
    }

    void show(List<Entry> entries) {
        list.removeAll();
        for (Entry entry : entries) {
            if (entry.focusId() == null && entry.action() == null) {
                list.add(new ListItem(new Span(entry.message())));
                continue;
            }
            Anchor link = new Anchor("#" + (entry.focusId() == null ? "" : entry.focusId()), entry.message());
            link.setRouterIgnore(true);
            if (entry.action() != null) {
                link.getElement().addEventListener("click", e -> entry.action().run()).preventDefault();
            } else {
                link.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault(); (" + FormRenderer.FOCUS_SCRIPT
                        + ")($0); })", entry.focusId());
            }
            list.add(new ListItem(link));
        }
        setVisible(!entries.isEmpty());
        if (!entries.isEmpty()) {
            getElement().callJsFunction("focus");
        }
    }

    void hide() {
        list.removeAll();
        setVisible(false);
    }

    List<Anchor> links() {
        return list.getChildren().flatMap(item -> item.getChildren()).filter(Anchor.class::isInstance)
                .map(Anchor.class::cast).toList();
    }
}
