package org.formularium.definition.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.validation.DefinitionProblemCode;
import org.formularium.support.AbstractDatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormServiceTest extends AbstractDatabaseTest {

    @Autowired
    FormService forms;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void publishing_a_draft_creates_the_next_immutable_version() {
        String key = newKey();
        forms.create(definition(key, "Erster Titel"), "anna", true);

        FormService.DraftSaved draft = forms.saveDraft(key, definition(key, "Zweiter Titel"), null, "anna");
        FormVersionInfo published = forms.publish(key, draft.draft().lockVersion(), "ben");

        assertThat(draft.draft().number()).isEqualTo(2);
        assertThat(published.number()).isEqualTo(2);
        assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(published.publishedBy()).isEqualTo("ben");
        assertThat(forms.latestPublished(key).orElseThrow().definition().title().get(java.util.Locale.GERMAN))
                .isEqualTo("Zweiter Titel");
        assertThat(forms.published(key, 1).orElseThrow().definition().title().get(java.util.Locale.GERMAN))
                .isEqualTo("Erster Titel");
    }

    @Test
    void a_saved_draft_never_changes_a_published_version() {
        String key = newKey();
        forms.create(definition(key, "Veröffentlicht"), "anna", true);

        forms.saveDraft(key, definition(key, "Entwurf"), null, "anna");

        assertThat(forms.latestPublished(key).orElseThrow().version()).isEqualTo(1);
        assertThat(forms.version(key, 1).orElseThrow().definition().path("title").path("de").asText())
                .isEqualTo("Veröffentlicht");
    }

    @Test
    void the_database_refuses_to_change_a_published_version() {
        String key = newKey();
        forms.create(definition(key, "Veröffentlicht"), "anna", true);

        assertThatThrownBy(() -> jdbc.update("update form_version set definition = '{}'::jsonb where form_id = "
                + "(select id from form where form_key = ?)", key)).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("delete from form_version where form_id = "
                + "(select id from form where form_key = ?)", key)).hasMessageContaining("cannot be deleted");
    }

    @Test
    void the_second_of_two_concurrent_saves_gets_a_conflict_and_nothing_is_lost() {
        String key = newKey();
        forms.create(definition(key, "Start"), "anna", false);
        int loadedByBoth = forms.draft(key).orElseThrow().lockVersion();

        forms.saveDraft(key, definition(key, "Annas Änderung"), loadedByBoth, "anna");

        assertThatThrownBy(() -> forms.saveDraft(key, definition(key, "Bens Änderung"), loadedByBoth, "ben"))
                .isInstanceOfSatisfying(DraftConflictException.class, e ->
                        assertThat(e.current().updatedBy()).isEqualTo("anna"));
        assertThat(forms.draft(key).orElseThrow().definition().path("title").path("de").asText())
                .isEqualTo("Annas Änderung");
    }

    @Test
    void saving_a_draft_that_was_published_meanwhile_is_a_conflict() {
        String key = newKey();
        forms.create(definition(key, "Start"), "anna", false);
        int lock = forms.draft(key).orElseThrow().lockVersion();
        forms.publish(key, lock, "ben");

        assertThatThrownBy(() -> forms.saveDraft(key, definition(key, "Zu spät"), lock, "anna"))
                .isInstanceOf(DraftConflictException.class);
    }

    @Test
    void an_invalid_draft_is_saved_with_its_problems_but_cannot_be_published() {
        String key = newKey();
        forms.create(definition(key, "Start"), "anna", true);
        ObjectNode broken = definition(key, "Kaputt");
        ((ObjectNode) broken.path("pages").path(0).path("elements").path(0)).put("key", "Ungültig Key");

        FormService.DraftSaved saved = forms.saveDraft(key, broken, null, "anna");

        assertThat(saved.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("pages[0].elements[0].key");
            assertThat(p.code()).isEqualTo(DefinitionProblemCode.INVALID_KEY);
        });
        assertThatThrownBy(() -> forms.publish(key, null, "anna"))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
                        assertThat(e.problems()).extracting(p -> p.code()).contains(DefinitionProblemCode.INVALID_KEY));
        assertThat(forms.latestPublished(key).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void the_key_of_a_form_cannot_change_and_keys_are_unique() {
        String key = newKey();
        forms.create(definition(key, "Start"), "anna", true);

        assertThatThrownBy(() -> forms.saveDraft(key, definition(key + "-x", "Anders"), null, "anna"))
                .isInstanceOf(InvalidDefinitionException.class);
        assertThatThrownBy(() -> forms.create(definition(key, "Doppelt"), "ben", true))
                .isInstanceOf(FormKeyTakenException.class);
    }

    @Test
    void restoring_an_old_version_opens_it_as_the_new_draft() {
        String key = newKey();
        forms.create(definition(key, "Version eins"), "anna", true);
        forms.saveDraft(key, definition(key, "Version zwei"), null, "anna");
        forms.publish(key, null, "anna");

        FormService.DraftSaved restored = forms.restoreAsDraft(key, 1, null, "anna");

        assertThat(restored.draft().number()).isEqualTo(3);
        assertThat(restored.draft().definition().path("title").path("de").asText()).isEqualTo("Version eins");
    }

    @Test
    void archived_forms_leave_the_catalogue_but_keep_their_versions() {
        String key = newKey();
        forms.create(definition(key, "Bald weg"), "anna", true);

        forms.archive(key, "anna");

        assertThat(forms.publishedForms()).extracting(FormSummary::key).doesNotContain(key);
        assertThat(forms.latestPublished(key)).isEmpty();
        assertThat(forms.published(key, 1)).isPresent();
        assertThat(forms.allForms()).extracting(FormSummary::key).contains(key);
    }

    static String newKey() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode definition(String key, String title) {
        String json = """
                {"schemaVersion": 1, "key": "%s", "languages": ["de", "en"],
                 "title": {"de": "%s", "en": "Title"},
                 "pages": [{"key": "start", "title": {"de": "Start", "en": "Start"},
                   "elements": [{"type": "text", "key": "name", "label": {"de": "Name", "en": "Name"}, "required": true}]}]}
                """.formatted(key, title);
        return (ObjectNode) readTree(json);
    }

    private static JsonNode readTree(String json) {
        try {
            return DefinitionJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
