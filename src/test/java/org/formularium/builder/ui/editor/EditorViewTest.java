package org.formularium.builder.ui.editor;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.formularium.builder.editing.Conditions.Operator;
import org.formularium.builder.editing.FormDraft;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.VersionStatus;
import org.formularium.shared.i18n.Languages;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EditorViewTest extends EditorTestSupport {

    @Autowired
    FormService forms;

    private String emptyForm() {
        String key = TestData.uniqueKey("editor");
        forms.createDraft(FormDraft.emptyDefinition(key, "Testformular"), "designer");
        return key;
    }

    private static JsonNode json(String text) {
        try {
            return org.formularium.definition.DefinitionJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode stored(String key) {
        return forms.draft(key).orElseThrow().definition();
    }

    private static List<String> keysOfPage(JsonNode definition, int page) {
        List<String> keys = new ArrayList<>();
        definition.path("pages").path(page).path("elements").forEach(e -> keys.add(e.path("key").asText()));
        return keys;
    }

    private void threeFields() {
        click("add-page");
        for (String label : List.of("Vorname", "Nachname", "Straße")) {
            click("add-text");
            text("prop-label-de", label);
        }
    }

    @Test
    void keys_are_generated_from_labels_with_umlauts_unique_and_checked() {
        String key = emptyForm();
        open(key);
        threeFields();
        click("add-text");
        text("prop-label-de", "Straße");

        assertThat(_get(TextField.class, spec -> spec.withId("prop-key")).getValue()).isEqualTo("strasse_2");
        assertThat(keysOfPage(stored(key), 0)).containsExactly("vorname", "nachname", "strasse", "strasse_2");

        text("prop-key", "Vorname");
        TextField keyField = _get(TextField.class, spec -> spec.withId("prop-key"));
        assertThat(keyField.isInvalid()).isTrue();
        assertThat(keyField.getErrorMessage()).contains("Kleinbuchstaben");
        text("prop-key", "vorname");
        assertThat(keyField.getErrorMessage()).isEqualTo("Diesen Schlüssel gibt es schon.");
        assertThat(keysOfPage(stored(key), 0)).containsExactly("vorname", "nachname", "strasse", "strasse_2");
    }

    @Test
    void an_element_moves_by_keyboard_and_the_move_is_announced_and_saved() {
        String key = emptyForm();
        EditorView editor = open(key);
        threeFields();

        pressAlt(node(0, 2), "ArrowUp");

        assertThat(keysOfPage(stored(key), 0)).containsExactly("vorname", "strasse", "nachname");
        assertThat(editor.announcer.getText()).isEqualTo("„Straße“ nach oben verschoben: Position 2 von 3.");
        assertThat(node(0, 1).getElement().getAttribute("aria-current")).isEqualTo("true");

        pressAlt(node(0, 0), "ArrowDown");
        pressAlt(node(0, 2), "ArrowDown");
        assertThat(keysOfPage(stored(key), 0)).containsExactly("strasse", "vorname", "nachname");
        assertThat(editor.announcer.getText()).isEqualTo("„Nachname“ steht schon ganz unten.");
    }

    @Test
    void a_deleted_element_comes_back_with_undo_in_the_notification() {
        String key = emptyForm();
        open(key);
        threeFields();
        selectNode(0, 1);

        click("node-delete");
        assertThat(keysOfPage(stored(key), 0)).containsExactly("vorname", "strasse");

        click("undo-delete");
        assertThat(keysOfPage(stored(key), 0)).containsExactly("vorname", "nachname", "strasse");

        selectNode(0, 0);
        click("node-delete");
        click("editor-undo");
        assertThat(keysOfPage(stored(key), 0)).containsExactly("vorname", "nachname", "strasse");
    }

    @Test
    void the_condition_editor_writes_json_logic_and_takes_json_logic_typed_by_hand() {
        String key = emptyForm();
        open(key);
        click("add-page");
        click("add-yesno");
        text("prop-label-de", "Verlängerung");
        click("add-text");
        click("prop-visibleIf-add");
        select("prop-visibleIf-field-0", "verlaengerung");
        select("prop-visibleIf-op-0", Operator.IS);
        text("prop-visibleIf-value-0", "true");

        assertThat(stored(key).at("/pages/0/elements/1/visibleIf").toString())
                .isEqualTo("{\"==\":[{\"var\":\"verlaengerung\"},true]}");
        assertThat(_get(TextArea.class, spec -> spec.withId("prop-visibleIf-json")).getValue())
                .isEqualTo("{\"==\":[{\"var\":\"verlaengerung\"},true]}");

        area("prop-visibleIf-json", "{\"if\": [");
        assertThat(_get(TextArea.class, spec -> spec.withId("prop-visibleIf-json")).isInvalid()).isTrue();
        assertThat(stored(key).at("/pages/0/elements/1/visibleIf").toString())
                .isEqualTo("{\"==\":[{\"var\":\"verlaengerung\"},true]}");

        area("prop-visibleIf-json", "{\"!\": [{\"var\": \"verlaengerung\"}]}");
        assertThat(stored(key).at("/pages/0/elements/1/visibleIf").toString())
                .isEqualTo("{\"!\":[{\"var\":\"verlaengerung\"}]}");
        assertThat(_get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withId("prop-visibleIf-op-0")).getValue()).isEqualTo(Operator.IS_EMPTY);

        click("prop-visibleIf-remove-0");
        assertThat(stored(key).at("/pages/0/elements/1").has("visibleIf")).isFalse();
    }

    @Test
    void a_save_after_another_designer_saved_tells_the_designer_and_loses_nothing() {
        String key = emptyForm();
        EditorView editor = open(key);
        click("add-page");
        // another designer saves the same draft meanwhile
        FormVersionInfo draft = forms.draft(key).orElseThrow();
        ObjectNode theirs = ((ObjectNode) draft.definition()).deepCopy();
        theirs.putObject("topic").put("de", "Von jemand anderem");
        forms.saveDraft(key, theirs, draft.lockVersion(), "other");

        click("add-text");
        text("prop-label-de", "Meine Angabe");

        assertThat(editor.conflictDialog.isOpened()).isTrue();
        assertThat(_get(editor.conflictDialog, com.vaadin.flow.component.html.Paragraph.class).getText())
                .contains("Ihre Änderungen sind nicht verloren").endsWith("Zuletzt gespeichert hat: other.");
        assertThat(editor.status.getText()).startsWith("Nicht gespeichert");
        assertThat(stored(key).at("/topic/de").asText()).isEqualTo("Von jemand anderem");
        assertThat(editor.definition().at("/pages/0/elements/0/label/de").asText()).isEqualTo("Meine Angabe");

        click("conflict-keep");
        text("prop-label-de", "Meine Angabe, geändert");
        assertThat(editor.conflictDialog.isOpened()).isTrue();

        click("conflict-overwrite");
        assertThat(editor.conflictDialog.isOpened()).isFalse();
        assertThat(stored(key).at("/pages/0/elements/0/label/de").asText()).isEqualTo("Meine Angabe, geändert");
        assertThat(stored(key).has("topic")).isFalse();
    }

    @Test
    void reloading_after_a_conflict_asks_first_and_then_shows_the_stored_draft() {
        String key = emptyForm();
        EditorView editor = open(key);
        click("add-page");
        FormVersionInfo draft = forms.draft(key).orElseThrow();
        ObjectNode theirs = ((ObjectNode) draft.definition()).deepCopy();
        theirs.putObject("topic").put("de", "Von jemand anderem");
        forms.saveDraft(key, theirs, draft.lockVersion(), "other");
        click("add-text");

        click("conflict-reload");
        assertThat(editor.conflictDialog.isOpened()).isTrue();
        click("conflict-reload-confirm");

        assertThat(editor.definition().at("/topic/de").asText()).isEqualTo("Von jemand anderem");
        assertThat(keysOfPage(editor.definition(), 0)).isEmpty();
        click("add-text");
        assertThat(keysOfPage(stored(key), 0)).containsExactly("textfeld");
        assertThat(stored(key).at("/topic/de").asText()).isEqualTo("Von jemand anderem");
    }

    @Test
    void an_invalid_draft_is_not_published_and_a_valid_one_becomes_the_next_version() {
        String key = emptyForm();
        EditorView editor = open(key);
        click("add-page");
        click("add-choice"); // a choice without options is invalid

        click("editor-publish");
        assertThat(editor.publishDialog).isNull();
        assertThat(forms.versions(key)).allMatch(v -> v.status() == VersionStatus.DRAFT);
        assertThat(_find(Button.class, spec -> spec.withId("problem-0"))).isNotEmpty();

        click("node-delete");
        click("add-text");
        click("editor-publish");
        assertThat(editor.publishDialog.isOpened()).isTrue();
        click("publish-confirm");

        FormVersionInfo published = forms.versions(key).stream().filter(v -> v.status() == VersionStatus.PUBLISHED)
                .findFirst().orElseThrow();
        assertThat(published.number()).isEqualTo(1);
        assertThat(published.publishedBy()).isEqualTo("designer");
        assertThat(editor.status.getText()).isEqualTo("Version 1 veröffentlicht.");

        // editing goes on in a new draft, version 2
        text("prop-label-de", "Geändert");
        assertThat(forms.draft(key).orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void a_problem_in_the_list_selects_the_element_it_concerns() {
        String key = emptyForm();
        open(key);
        click("add-page");
        click("add-text");
        click("add-choice");
        selectNode();

        click("problem-0");

        assertThat(node(0, 1).getElement().getAttribute("aria-current")).isEqualTo("true");
        assertThat(_get(TextField.class, spec -> spec.withId("prop-key")).getValue()).isEqualTo("auswahl");
    }

    @Test
    void the_preview_renders_the_draft_with_the_runtime_renderer_and_checks_answers() {
        String key = TestData.uniqueKey("preview");
        forms.createDraft(TestData.contactForm(key, false), "designer");
        EditorView editor = open(key);

        click("editor-preview");

        assertThat(editor.preview.isOpened()).isTrue();
        assertThat(_find(editor.preview, TextField.class)).isNotEmpty();
        click("preview-check");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("preview-status"))
                .getText()).endsWith("Fehler auf dieser Seite.");
        select("preview-language", "en");
        assertThat(_find(Dialog.class)).isNotEmpty();
    }

    @Test
    void the_editor_speaks_english_and_its_fields_are_found_by_their_labels() {
        useLanguage(Languages.ENGLISH);
        String key = emptyForm();
        EditorView editor = open(key);
        check("settings-english", true);
        click("add-page");
        _click(_get(Button.class, spec -> spec.withText("Text field")));

        _setValue(_get(TextField.class, spec -> spec.withLabel("Label (German)")), "Größe");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Label (English)")), "Height");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Required")), true);
        _click(_get(Button.class, spec -> spec.withText("Move up")));

        JsonNode field = stored(key).at("/pages/0/elements/0");
        assertThat(field).isEqualTo(json(
                "{\"key\":\"groesse\",\"type\":\"text\",\"label\":{\"de\":\"Größe\",\"en\":\"Height\"},\"required\":true}"));
        assertThat(editor.announcer.getText()).isEqualTo("\u201cHeight\u201d is already at the top.");
    }
}
