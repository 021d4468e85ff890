package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repeating group with more than ten items shows ten at a time with a pager; an error in an item on another
 * page is still listed in the error summary, and its link turns to the item's page with the error on the field.
 */
class GroupPagingTest extends AbstractKaribuTest {

    private static final String KEY = "test-paged-group";
    private static final int ITEMS = 25;

    @Autowired
    FormService forms;

    @BeforeEach
    void publish() {
        if (forms.latestPublished(KEY).isEmpty()) {
            ObjectNode form = DefinitionJson.mapper().createObjectNode().put("schemaVersion", 1).put("key", KEY);
            form.putArray("languages").add("de");
            form.set("title", de("Gruppe mit vielen Einträgen"));
            form.putArray("pages").add(page());
            forms.create(form, "test", true);
        }
    }

    private static ObjectNode de(String text) {
        return DefinitionJson.mapper().createObjectNode().put("de", text);
    }

    private static ObjectNode page() {
        ObjectNode page = DefinitionJson.mapper().createObjectNode().put("key", "items");
        page.set("title", de("Positionen"));
        ObjectNode group = page.putArray("elements").addObject().put("type", "group").put("key", "entries")
                .put("minItems", 1).put("maxItems", 50);
        group.set("label", de("Positionen"));
        group.set("itemLabel", de("Position"));
        group.putArray("elements").addObject().put("type", "text").put("key", "description").put("required", true)
                .set("label", de("Beschreibung"));
        return page;
    }

    private static ObjectNode answers() {
        ObjectNode data = DefinitionJson.mapper().createObjectNode();
        ArrayNode entries = data.putArray("entries");
        for (int i = 1; i <= ITEMS; i++) {
            entries.addObject().put("description", "Position Nummer " + i);
        }
        return data;
    }

    private FormView open(ObjectNode answers) {
        UI.getCurrent().navigate("f/" + KEY);
        FormView view = _get(FormView.class);
        view.data().setAll(answers);
        view.showStep(view.currentStep(), false);
        return view;
    }

    private static List<String> shownItems() {
        return _find(FieldSet.class, spec -> spec.withClasses("group-item")).stream().map(FieldSet::getLegendText).toList();
    }

    private static String range() {
        return _get(Paragraph.class, spec -> spec.withClasses("group-range")).getText();
    }

    @Test
    void a_group_with_25_items_shows_ten_at_a_time_and_pages_with_previous_and_next() {
        open(answers());

        assertThat(shownItems()).hasSize(10).startsWith("Position 1").endsWith("Position 10");
        assertThat(range()).isEqualTo("Einträge 1 bis 10 von 25");
        Button previous = _get(Button.class, spec -> spec.withText("Vorherige Einträge"));
        Button next = _get(Button.class, spec -> spec.withText("Nächste Einträge"));
        assertThat(previous.isEnabled()).isFalse();

        _click(next);
        _click(next);

        assertThat(shownItems()).containsExactly("Position 21", "Position 22", "Position 23", "Position 24", "Position 25");
        assertThat(range()).isEqualTo("Einträge 21 bis 25 von 25");
        assertThat(next.isEnabled()).isFalse();
        assertThat(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("entries[24].description"))).getValue())
                .isEqualTo("Position Nummer 25");

        _click(previous);
        assertThat(range()).isEqualTo("Einträge 11 bis 20 von 25");
    }

    @Test
    void an_error_in_an_item_on_another_page_is_listed_and_its_link_turns_to_the_item_with_the_error_shown() {
        ObjectNode answers = answers();
        ((ObjectNode) answers.get("entries").get(16)).remove("description");
        FormView view = open(answers);

        _click(view.next);

        assertThat(view.currentStep()).isEqualTo("items");
        List<Anchor> links = view.errorSummary.links();
        assertThat(links).hasSize(1);
        assertThat(shownItems()).doesNotContain("Position 17");

        _fireDomEvent(links.get(0), "click", elemental.json.Json.createObject());

        assertThat(range()).isEqualTo("Einträge 11 bis 20 von 25");
        TextField field = _get(TextField.class, spec -> spec.withId(RenderContext.fieldId("entries[16].description")));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isNotBlank();
    }

    @Test
    void the_change_button_of_the_review_opens_the_page_of_an_item_on_a_later_page_of_its_group() {
        FormView view = open(answers());
        _click(view.next);
        assertThat(view.currentStep()).isEqualTo(FillingState.REVIEW_STEP);

        Fillings.clickReview("22"); // the change button of "Beschreibung" in "Position 23"

        assertThat(range()).isEqualTo("Einträge 21 bis 25 von 25");
        assertThat(_get(TextField.class, spec -> spec.withId(RenderContext.fieldId("entries[22].description"))).getValue())
                .isEqualTo("Position Nummer 23");
    }
}
