package org.formularium.builder.editing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.formularium.builder.editing.FormDraft.KeyCheck;
import org.formularium.definition.model.ElementType;
import org.junit.jupiter.api.Test;

class FormDraftTest {

    private final FormDraft draft = new FormDraft(FormDraft.emptyDefinition("test-form", "Test"));

    private NodePath page() {
        return draft.addPage(NodePath.ROOT, "Persönliche Angaben");
    }

    @Test
    void keys_are_made_from_the_german_label_with_umlauts_transliterated() {
        NodePath page = page();
        NodePath street = draft.addElement(ElementType.TEXT, page, "Straße und Hausnummer").orElseThrow();
        NodePath size = draft.addElement(ElementType.INTEGER, page, "Größe (in m²)").orElseThrow();
        NodePath number = draft.addElement(ElementType.TEXT, page, "1. Übung").orElseThrow();

        assertThat(draft.key(page)).isEqualTo("persoenliche_angaben");
        assertThat(draft.key(street)).isEqualTo("strasse_und_hausnummer");
        assertThat(draft.key(size)).isEqualTo("groesse_in_m");
        assertThat(draft.key(number)).isEqualTo("f_1_uebung");
    }

    @Test
    void generated_keys_are_unique_in_their_scope_and_a_repeating_group_opens_its_own() {
        NodePath page = page();
        NodePath first = draft.addElement(ElementType.TEXT, page, "Name").orElseThrow();
        NodePath second = draft.addElement(ElementType.TEXT, page, "Name").orElseThrow();
        NodePath section = draft.addElement(ElementType.SECTION, page, "Kind").orElseThrow();
        NodePath inSection = draft.addElement(ElementType.TEXT, section, "Name").orElseThrow();
        NodePath group = draft.addElement(ElementType.GROUP, page, "Kinder").orElseThrow();
        NodePath inGroup = draft.addElement(ElementType.TEXT, group, "Name").orElseThrow();

        assertThat(List.of(draft.key(first), draft.key(second), draft.key(inSection), draft.key(inGroup)))
                .containsExactly("name", "name_2", "name_3", "name");
    }

    @Test
    void the_key_follows_the_label_until_the_designer_sets_it() {
        NodePath page = page();
        NodePath field = draft.addElement(ElementType.TEXT, page, "Textfeld").orElseThrow();

        draft.setText(field, "label", "de", "Vorname");
        assertThat(draft.key(field)).isEqualTo("vorname");

        assertThat(draft.setKey(field, "first_name")).isEqualTo(KeyCheck.OK);
        draft.setText(field, "label", "de", "Vorname(n)");
        assertThat(draft.key(field)).isEqualTo("first_name");
    }

    @Test
    void keys_are_checked() {
        NodePath page = page();
        NodePath a = draft.addElement(ElementType.TEXT, page, "A").orElseThrow();
        draft.addElement(ElementType.TEXT, page, "B").orElseThrow();

        assertThat(draft.checkKey(a, "b")).isEqualTo(KeyCheck.DUPLICATE);
        assertThat(draft.checkKey(a, "Größe")).isEqualTo(KeyCheck.INVALID);
        assertThat(draft.checkKey(a, "1a")).isEqualTo(KeyCheck.INVALID);
        assertThat(draft.checkKey(a, "a")).isEqualTo(KeyCheck.UNCHANGED);
        assertThat(draft.setKey(a, "b")).isEqualTo(KeyCheck.DUPLICATE);
        assertThat(draft.key(a)).isEqualTo("a");
    }

    @Test
    void a_key_change_is_carried_into_the_expressions_that_read_it() {
        NodePath page = page();
        NodePath a = draft.addElement(ElementType.YESNO, page, "A").orElseThrow();
        NodePath b = draft.addElement(ElementType.TEXT, page, "B").orElseThrow();
        draft.set(b, "visibleIf", Conditions.parse("{\"==\": [{\"var\": \"a\"}, true]}").logic());

        draft.setKey(a, "renewal");

        assertThat(draft.node(b).get("visibleIf").toString()).isEqualTo("{\"==\":[{\"var\":\"renewal\"},true]}");
    }

    @Test
    void elements_go_into_the_selected_container_or_after_the_selected_element() {
        NodePath page = page();
        NodePath a = draft.addElement(ElementType.TEXT, page, "A").orElseThrow();
        NodePath c = draft.addElement(ElementType.TEXT, page, "C").orElseThrow();
        NodePath b = draft.addElement(ElementType.TEXT, a, "B").orElseThrow();
        NodePath section = draft.addElement(ElementType.SECTION, page, "S").orElseThrow();
        NodePath inside = draft.addElement(ElementType.TEXT, section, "D").orElseThrow();

        assertThat(keys(page)).containsExactly("a", "b", "c", "s");
        assertThat(b).isEqualTo(NodePath.of(0, 1));
        assertThat(c).isEqualTo(NodePath.of(0, 1));
        assertThat(inside).isEqualTo(NodePath.of(0, 3, 0));
    }

    @Test
    void elements_move_up_and_down_within_their_container_and_into_others() {
        NodePath page = page();
        NodePath a = draft.addElement(ElementType.TEXT, page, "A").orElseThrow();
        draft.addElement(ElementType.TEXT, page, "B").orElseThrow();
        NodePath section = draft.addElement(ElementType.SECTION, page, "S").orElseThrow();

        assertThat(draft.move(a, -1)).isEmpty();
        NodePath moved = draft.move(a, 1).orElseThrow();
        assertThat(keys(page)).containsExactly("b", "a", "s");
        assertThat(moved).isEqualTo(NodePath.of(0, 1));

        NodePath intoSection = draft.moveTo(NodePath.of(0, 0), section, 0).orElseThrow();
        assertThat(keys(page)).containsExactly("a", "s");
        assertThat(intoSection).isEqualTo(NodePath.of(0, 1, 0));
        assertThat(draft.key(intoSection)).isEqualTo("b");
        assertThat(draft.moveTo(NodePath.of(0, 1), NodePath.of(0, 1, 0), 0)).isEmpty();
    }

    @Test
    void delete_and_every_other_change_can_be_undone() {
        NodePath page = page();
        NodePath a = draft.addElement(ElementType.TEXT, page, "A").orElseThrow();
        draft.addElement(ElementType.TEXT, page, "B").orElseThrow();
        draft.setFlag(a, "required", true);

        draft.delete(a);
        assertThat(keys(page)).containsExactly("b");

        assertThat(draft.undo()).contains("delete");
        assertThat(keys(page)).containsExactly("a", "b");
        assertThat(draft.node(a).get("required").asBoolean()).isTrue();
        assertThat(draft.undo()).contains("change");
        assertThat(draft.node(a).has("required")).isFalse();
    }

    @Test
    void nested_form_properties_are_set_and_removed_with_their_empty_objects() {
        draft.set(NodePath.ROOT, "privacy.retentionDays", com.fasterxml.jackson.databind.node.IntNode.valueOf(30));
        draft.setText(NodePath.ROOT, "privacy.notice", "de", "Hinweis");
        assertThat(draft.definition().get("privacy").toString())
                .isEqualTo("{\"retentionDays\":30,\"notice\":{\"de\":\"Hinweis\"}}");

        draft.set(NodePath.ROOT, "privacy.retentionDays", null);
        draft.setText(NodePath.ROOT, "privacy.notice", "de", " ");
        assertThat(draft.definition().has("privacy")).isFalse();
        assertThat(draft.set(NodePath.ROOT, "topic", TextNode.valueOf(""))).isFalse();
    }

    @Test
    void problem_paths_lead_to_the_element() {
        assertThat(NodePath.ofProblemPath("pages[1].elements[3].elements[0].label.en"))
                .contains(NodePath.of(1, 3, 0));
        assertThat(NodePath.ofProblemPath("pages[2].title")).contains(NodePath.of(2));
        assertThat(NodePath.ofProblemPath("privacy.notice")).isEmpty();
        assertThat(NodePath.of(1, 3, 0).jsonPath()).isEqualTo("pages[1].elements[3].elements[0]");
    }

    private List<String> keys(NodePath container) {
        return draft.children(container).stream().map(draft::key).toList();
    }
}
