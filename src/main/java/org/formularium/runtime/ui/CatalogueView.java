package org.formularium.runtime.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormSummary;
import org.formularium.definition.store.PublishedForm;
import org.formularium.shared.ui.MainLayout;
import org.formularium.shared.ui.ViewSupport;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The catalogue of published forms, grouped by topic, searchable by title; the start page for citizens. */
@Route(value = "forms", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@AnonymousAllowed
public class CatalogueView extends ViewSupport {

    final TextField search = new TextField();
    final Paragraph resultCount = new Paragraph();
    final Div results = new Div();
    private final List<FormDefinition> published;

    public CatalogueView(FormService forms) {
        published = forms.publishedForms().stream().map(FormSummary::key).map(forms::latestPublished)
                .flatMap(java.util.Optional::stream).map(PublishedForm::definition).toList();
        add(heading(), new Paragraph(getTranslation("catalogue.intro")));
        search.setLabel(getTranslation("catalogue.search"));
        search.setHelperText(getTranslation("catalogue.search.hint"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.setId("catalogue-search");
        search.addValueChangeListener(e -> show(e.getValue()));
        resultCount.getElement().setAttribute("role", "status");
        resultCount.addClassName("result-count");
        results.addClassName("catalogue");
        add(search, resultCount, results);
        show("");
    }

    void show(String query) {
        results.removeAll();
        Locale locale = getLocale();
        String needle = query == null ? "" : query.strip().toLowerCase(locale);
        List<FormDefinition> matching = published.stream()
                .filter(d -> needle.isEmpty() || text(d.title()).toLowerCase(locale).contains(needle)
                        || d.title().get("de").toLowerCase(locale).contains(needle))
                .toList();
        if (published.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("catalogue.empty"));
            empty.addClassName("catalogue-empty");
            results.add(empty);
            resultCount.setText("");
            return;
        }
        resultCount.setText(needle.isEmpty() ? "" : getTranslation("catalogue.results", matching.size()));
        Collator collator = Collator.getInstance(locale);
        Map<String, List<FormDefinition>> byTopic = matching.stream().collect(Collectors.groupingBy(
                d -> d.topic() == null ? getTranslation("catalogue.otherTopic") : text(d.topic()),
                () -> new TreeMap<>(collator), Collectors.toList()));
        byTopic.forEach((topic, definitions) -> {
            Section section = new Section();
            section.addClassName("catalogue-topic");
            H2 heading = new H2(topic);
            definitions.stream().map(FormDefinition::topic).filter(Objects::nonNull).findFirst()
                    .ifPresent(t -> markLanguage(heading, t));
            UnorderedList list = new UnorderedList();
            definitions.stream().sorted(Comparator.comparing(d -> text(d.title()), collator)).forEach(definition -> {
                Anchor link = new Anchor("f/" + definition.key(), text(definition.title()));
                markLanguage(link, definition.title());
                ListItem item = new ListItem(link);
                if (definition.description() != null) {
                    Paragraph description = new Paragraph(text(definition.description()));
                    markLanguage(description, definition.description());
                    item.add(description);
                }
                list.add(item);
            });
            section.add(heading, list);
            results.add(section);
        });
    }

    private String text(LocalizedText text) {
        return text == null ? "" : text.get(getLocale());
    }

    private void markLanguage(com.vaadin.flow.component.Component component, LocalizedText text) {
        if (!LocalizedText.GERMAN.equals(getLocale().getLanguage())) {
            String own = text.values().get(getLocale().getLanguage());
            if (own == null || own.isEmpty()) {
                component.getElement().setAttribute("lang", LocalizedText.GERMAN);
            }
        }
    }

    @Override
    protected String titleKey() {
        return "catalogue.title";
    }
}
