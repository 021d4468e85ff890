package org.formularium.builder.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.security.Role;
import org.formularium.shared.ui.NotFoundView;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class VersionsViewTest extends AbstractKaribuTest {

    @Autowired
    FormService forms;

    String key;
    JsonNode first;
    JsonNode second;

    /** Version 1: the contact form; version 2: name relabelled, e-mail removed, phone added. */
    @BeforeEach
    void twoPublishedVersions() {
        login("designer", Role.DESIGNER);
        key = TestData.uniqueKey("versionen");
        first = TestData.contactForm(key, false);
        forms.create(first, "anna", true);
        ObjectNode changed = first.deepCopy();
        ArrayNode elements = (ArrayNode) changed.at("/pages/0/elements");
        ((ObjectNode) elements.get(0).get("label")).put("de", "Vollständiger Name");
        elements.remove(1);
        elements.addObject().put("type", "phone").put("key", "telefon")
                .putObject("label").put("de", "Telefon").put("en", "Phone");
        changed.remove("confirmation");
        second = changed;
        forms.saveDraft(key, second, null, "bert");
        forms.publish(key, null, "bert");
    }

    private VersionsView open() {
        UI.getCurrent().navigate("builder/" + key + "/versions");
        return _get(VersionsView.class);
    }

    private static Button rowButton(VersionsView view, int number, String idPrefix) {
        for (int i = 0; i < _size(view.grid); i++) {
            if (GridKt._get(view.grid, i).number() == number) {
                HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, i, "actions");
                return (Button) actions.getChildren().filter(c -> c.getId().orElse("").equals(idPrefix + number))
                        .findFirst().orElseThrow(() -> new AssertionError("no " + idPrefix + number));
            }
        }
        throw new AssertionError("version not listed: " + number);
    }

    @Test
    void the_history_lists_every_version_with_who_and_when() {
        VersionsView view = open();

        assertThat(view.title.getText()).isEqualTo("Versionen des Formulars " + key);
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(String.join(" ", GridKt._getFormattedRow(view.grid, 0))).contains("Version 2", "Veröffentlicht", "von bert");
        assertThat(String.join(" ", GridKt._getFormattedRow(view.grid, 1))).contains("Version 1", "Veröffentlicht", "von anna");
    }

    @Test
    void a_version_is_shown_as_outline_and_json() {
        VersionsView view = open();

        _click(rowButton(view, 1, "view-"));

        String shown = _get(Dialog.class).getElement().getTextRecursively();
        assertThat(shown).contains("Formular: Kontaktformular", "Seite: Kontakt", "Name (text) name", "E-Mail (email) email")
                .contains("\"key\": \"" + key + "\"");
    }

    @Test
    void two_versions_are_compared_element_by_element() {
        VersionsView view = open();
        assertThat(view.older.getValue().number()).isEqualTo(1);
        assertThat(view.newer.getValue().number()).isEqualTo(2);

        _click(view.compare);

        String added = _get(UnorderedList.class, spec -> spec.withId("changes-added")).getElement().getTextRecursively();
        String removed = _get(UnorderedList.class, spec -> spec.withId("changes-removed")).getElement().getTextRecursively();
        String changed = _get(UnorderedList.class, spec -> spec.withId("changes-changed")).getElement().getTextRecursively();
        assertThat(added).isEqualTo("kontakt/telefon (phone)");
        assertThat(removed).isEqualTo("kontakt/email (email)");
        assertThat(changed).isEqualTo("kontakt/name (text): geändert: label");
        assertThat(view.comparison.getElement().getTextRecursively())
                .contains("Unterschiede von Version 1 zu Version 2", "Geänderte Angaben des Formulars: confirmation");
    }

    @Test
    void an_old_version_is_restored_as_the_new_draft() {
        VersionsView view = open();

        _click(rowButton(view, 1, "restore-"));
        _click(_get(Button.class, spec -> spec.withId("restore-confirm")));

        FormVersionInfo draft = forms.draft(key).orElseThrow();
        assertThat(draft.number()).isEqualTo(3);
        assertThat(draft.definition()).isEqualTo(forms.version(key, 1).orElseThrow().definition());
        assertThat(draft.updatedBy()).isEqualTo("designer");
        assertThat(view.outcome.getElement().getTextRecursively())
                .contains("Version 1 wurde als Entwurf (Version 3) wiederhergestellt.");
        assertThat(_size(view.grid)).isEqualTo(3);
    }

    @Test
    void a_draft_saved_meanwhile_is_not_overwritten() {
        VersionsView view = open();
        forms.saveDraft(key, second, null, "carla");

        _click(rowButton(view, 1, "restore-"));
        _click(_get(Button.class, spec -> spec.withId("restore-confirm")));

        assertThat(forms.draft(key).orElseThrow().definition()).isEqualTo(second);
        assertThat(view.outcome.getElement().getTextRecursively())
                .contains("Der Entwurf wurde inzwischen von carla geändert. Es wurde nichts überschrieben");
    }

    @Test
    void a_draft_changed_after_loading_is_a_conflict_too() {
        forms.saveDraft(key, second, null, "carla");
        VersionsView view = open();
        FormVersionInfo loaded = forms.draft(key).orElseThrow();
        forms.saveDraft(key, first.deepCopy(), loaded.lockVersion(), "dora");

        _click(rowButton(view, 1, "restore-"));
        _click(_get(Button.class, spec -> spec.withId("restore-confirm")));

        assertThat(view.outcome.getElement().getTextRecursively()).contains("von dora geändert");
        assertThat(forms.draft(key).orElseThrow().updatedBy()).isEqualTo("dora");
    }

    @Test
    void an_unknown_form_is_not_found() {
        UI.getCurrent().navigate("builder/gibt-es-nicht-" + key + "/versions");

        assertThat(_find(VersionsView.class)).isEmpty();
        _get(NotFoundView.class);
    }
}
