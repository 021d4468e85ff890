package org.formularium.builder.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouteConfiguration;
import org.formularium.builder.FormListFilter;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.definition.store.FormStatus;
import org.formularium.definition.store.FormSummary;
import org.formularium.definition.store.FormVersionInfo;
import org.formularium.definition.store.VersionStatus;
import org.formularium.security.Role;
import org.formularium.shared.ui.AccessDeniedView;
import org.formularium.support.AbstractKaribuTest;
import org.formularium.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

class BuilderViewTest extends AbstractKaribuTest {

    @Autowired
    FormService forms;

    @BeforeEach
    void signIn() {
        login("designer", Role.DESIGNER);
    }

    private BuilderView openList() {
        UI.getCurrent().navigate("builder");
        return _get(BuilderView.class);
    }

    private static List<String> listedKeys(BuilderView view) {
        return view.grid.getListDataView().getItems().map(FormSummary::key).toList();
    }

    private static Component rowAction(BuilderView view, String key, String idPrefix) {
        for (int i = 0; i < _size(view.grid); i++) {
            if (GridKt._get(view.grid, i).key().equals(key)) {
                HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, i, "actions");
                return actions.getChildren().filter(c -> c.getId().orElse("").equals(idPrefix + key)).findFirst()
                        .orElseThrow(() -> new AssertionError("no action " + idPrefix + key));
            }
        }
        throw new AssertionError("form not listed: " + key);
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static Select<FormListFilter.Show> showSelect() {
        return _get(Select.class, spec -> spec.withLabel("Anzeigen"));
    }

    @Test
    void the_list_is_searched_by_key_and_title_and_filtered_by_status() {
        String token = TestData.uniqueKey("suche");
        String published = token + "-pub";
        String archived = token + "-arch";
        forms.create(TestData.contactForm(published, false), "anna", true);
        forms.create(TestData.contactForm(archived, false), "bert", false);
        forms.archive(archived, "bert");
        BuilderView view = openList();

        _setValue(_get(TextField.class, spec -> spec.withLabel("Suche")), token.toUpperCase());

        assertThat(listedKeys(view)).containsExactly(published);
        String row = String.join(" ", GridKt._getFormattedRow(view.grid, 0));
        assertThat(row).contains("Kontaktformular", published, "Aktiv", "Version 1", "Nein", "von anna");

        _setValue(showSelect(), FormListFilter.Show.ARCHIVED);
        assertThat(listedKeys(view)).containsExactly(archived);
        assertThat(String.join(" ", GridKt._getFormattedRow(view.grid, 0))).contains("Archiviert", "nie", "Ja (Version 1)", "von bert");

        _setValue(showSelect(), FormListFilter.Show.WITH_DRAFT);
        assertThat(listedKeys(view)).containsExactly(archived);
        _setValue(showSelect(), FormListFilter.Show.PUBLISHED);
        assertThat(listedKeys(view)).containsExactly(published);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Suche")), token + "-nichts");
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.empty.isVisible()).isTrue();
    }

    @Test
    void a_new_form_is_created_as_a_valid_draft_and_the_editor_opened() {
        String key = TestData.uniqueKey("neu");
        openList();
        _click(_get(Button.class, spec -> spec.withText("Formular anlegen")));

        _setValue(_get(TextField.class, spec -> spec.withLabel("Schlüssel")), key);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Titel (Deutsch)")), "Hundesteuer anmelden");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Titel (Englisch, optional)")), "Register a dog");
        _click(_get(Button.class, spec -> spec.withId("create-save")));

        FormVersionInfo draft = forms.draft(key).orElseThrow();
        assertThat(draft.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(draft.createdBy()).isEqualTo("designer");
        assertThat(forms.validate(draft.definition())).isEmpty();
        assertThat(draft.definition().at("/title/en").asText()).isEqualTo("Register a dog");
        // the list navigates to builder/<key>, the editor's route (its own package). Where the editor is not part
        // of the build, Karibu ignores navigation to the unknown route (a browser shows the not-found page there).
        boolean editorRouteExists = RouteConfiguration.forApplicationScope().getRoute("builder/" + key).isPresent();
        if (editorRouteExists) {
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("builder/" + key);
            assertThat(_find(BuilderView.class)).isEmpty();
        }
        assertThat(_find(Dialog.class)).isEmpty();
    }

    @Test
    void a_new_form_needs_a_valid_free_key_and_a_title() {
        String existing = TestData.uniqueKey("da");
        forms.create(TestData.contactForm(existing, false), "test", false);
        openList();
        _click(_get(Button.class, spec -> spec.withText("Formular anlegen")));
        TextField key = _get(TextField.class, spec -> spec.withLabel("Schlüssel"));

        _setValue(key, "Mit Leerzeichen");
        _click(_get(Button.class, spec -> spec.withId("create-save")));
        assertThat(key.isInvalid()).isTrue();
        assertThat(key.getErrorMessage()).startsWith("Der Schlüssel muss aus 2 bis 63 Kleinbuchstaben");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Titel (Deutsch)")).isInvalid()).isTrue();

        _setValue(key, existing);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Titel (Deutsch)")), "Doppelt");
        _click(_get(Button.class, spec -> spec.withId("create-save")));
        assertThat(key.getErrorMessage()).isEqualTo("Es gibt bereits ein Formular mit diesem Schlüssel. Bitte wählen Sie einen anderen.");
        assertThat(forms.versions(existing)).hasSize(1);
        assertThat(_find(Dialog.class)).hasSize(1);
    }

    @Test
    void a_form_is_duplicated_under_a_new_key_and_a_taken_key_is_refused() {
        String source = TestData.uniqueKey("quelle");
        String taken = TestData.uniqueKey("belegt");
        String copy = TestData.uniqueKey("kopie");
        forms.create(TestData.contactForm(source, true), "test", true);
        forms.create(TestData.contactForm(taken, false), "test", true);
        BuilderView view = openList();

        _click((Button) rowAction(view, source, "duplicate-"));
        TextField key = _get(TextField.class, spec -> spec.withLabel("Neuer Schlüssel"));
        assertThat(key.getValue()).isEqualTo(source + "-kopie");
        _setValue(key, taken);
        _click(_get(Button.class, spec -> spec.withId("duplicate-save")));

        assertThat(key.isInvalid()).isTrue();
        assertThat(key.getErrorMessage()).isEqualTo("Es gibt bereits ein Formular mit diesem Schlüssel. Bitte wählen Sie einen anderen.");
        assertThat(forms.versions(taken)).hasSize(1);

        _setValue(key, copy);
        _click(_get(Button.class, spec -> spec.withId("duplicate-save")));

        FormVersionInfo duplicated = forms.draft(copy).orElseThrow();
        ObjectNode expected = forms.version(source, 1).orElseThrow().definition().deepCopy();
        expected.put("key", copy);
        assertThat(duplicated.definition()).isEqualTo(expected);
        assertThat(text(view.outcome)).contains("Formular " + source + " wurde als " + copy + " dupliziert.");
    }

    @Test
    void archiving_asks_first_and_takes_the_form_out_of_the_active_list() {
        String key = TestData.uniqueKey("archiv");
        forms.create(TestData.contactForm(key, false), "test", true);
        BuilderView view = openList();

        _click((Button) rowAction(view, key, "archive-"));
        Dialog confirm = _get(Dialog.class);
        assertThat(confirm.getElement().getAttribute("aria-label")).isEqualTo("Formular Kontaktformular archivieren");
        _click(_get(Button.class, spec -> spec.withId("status-confirm")));

        assertThat(forms.allForms().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().status())
                .isEqualTo(FormStatus.ARCHIVED);
        assertThat(listedKeys(view)).doesNotContain(key);
        assertThat(forms.latestPublished(key)).isEmpty();

        _setValue(showSelect(), FormListFilter.Show.ARCHIVED);
        _click((Button) rowAction(view, key, "reactivate-"));
        _click(_get(Button.class, spec -> spec.withId("status-confirm")));
        assertThat(forms.latestPublished(key)).isPresent();
    }

    @Test
    void an_invalid_definition_file_shows_every_problem_and_creates_nothing() {
        String key = TestData.uniqueKey("kaputt");
        String broken = """
                {"schemaVersion": 1, "key": "%s", "languages": ["de"],
                 "pages": [{"key": "p", "title": {"de": "Seite"}, "elements": [
                   {"type": "text", "key": "name", "label": {"de": "Name"}},
                   {"type": "text", "key": "name", "label": {"de": "Noch ein Name"}}
                 ]}]}
                """.formatted(key);
        openList();
        _click(_get(Button.class, spec -> spec.withText("Definition importieren")));

        _upload(_get(Upload.class, spec -> spec.withId("definition-upload")), "kaputt.json", "application/json",
                broken.getBytes(StandardCharsets.UTF_8));

        Dialog dialog = _get(Dialog.class);
        String shown = text(dialog);
        assertThat(shown).contains("Die Datei wurde nicht importiert: 2 Problem(e). Es wurde nichts angelegt.")
                .contains("Eine Pflichtangabe fehlt.", "Stelle:", "title")
                .contains("Der Schlüssel wird mehrfach verwendet.", "pages[0].elements[1].key");
        assertThat(forms.exists(key)).isFalse();
    }

    @Test
    void a_file_that_is_not_json_is_refused_readably() {
        openList();
        _click(_get(Button.class, spec -> spec.withText("Definition importieren")));

        _upload(_get(Upload.class, spec -> spec.withId("definition-upload")), "notiz.json", "application/json",
                "kein JSON {".getBytes(StandardCharsets.UTF_8));

        assertThat(text(_get(Dialog.class))).contains("Die Datei ist kein gültiges JSON oder zu groß.");
    }

    @Test
    void a_valid_definition_file_becomes_a_draft_and_the_same_key_again_a_new_draft_after_confirmation() {
        String key = TestData.uniqueKey("import");
        JsonNode definition = TestData.contactForm(key, true);
        BuilderView view = openList();
        _click(_get(Button.class, spec -> spec.withText("Definition importieren")));

        _upload(_get(Upload.class, spec -> spec.withId("definition-upload")), key + ".json", "application/json",
                DefinitionJson.write(definition).getBytes(StandardCharsets.UTF_8));

        FormVersionInfo draft = forms.draft(key).orElseThrow();
        assertThat(draft.definition()).isEqualTo(definition);
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(text(view.outcome)).contains("Formular " + key + " wurde aus der Datei angelegt (Entwurf, Version 1).");
        Anchor editor = _get(view.outcome, Anchor.class);
        assertThat(editor.getHref()).isEqualTo("builder/" + key);
        assertThat(listedKeys(view)).contains(key);

        forms.publish(key, null, "test");
        ((ObjectNode) definition.get("title")).put("de", "Kontaktformular (neu)");
        _click(_get(Button.class, spec -> spec.withText("Definition importieren")));
        _upload(_get(Upload.class, spec -> spec.withId("definition-upload")), key + ".json", "application/json",
                DefinitionJson.write(definition).getBytes(StandardCharsets.UTF_8));
        assertThat(text(_get(Dialog.class))).contains("Es gibt bereits ein Formular mit dem Schlüssel " + key);
        assertThat(forms.draft(key)).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("import-confirm")));

        FormVersionInfo second = forms.draft(key).orElseThrow();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.definition().at("/title/de").asText()).isEqualTo("Kontaktformular (neu)");
    }

    @Test
    void the_export_downloads_the_stored_definition_of_the_chosen_version() throws IOException {
        String key = TestData.uniqueKey("export");
        forms.create(TestData.contactForm(key, false), "test", true);
        ObjectNode changed = TestData.contactForm(key, true).deepCopy();
        forms.saveDraft(key, changed, null, "test");
        BuilderView view = openList();

        _click((Button) rowAction(view, key, "export-"));
        Anchor download = _get(Anchor.class, spec -> spec.withId("export-download"));

        assertThat(download.getHref()).endsWith(key + "-v2.json");
        assertThat(download.getElement().hasAttribute("download")).isTrue();
        JsonNode exported = DefinitionJson.mapper().readTree(DownloadKt._download(download));
        assertThat(exported).isEqualTo(forms.version(key, 2).orElseThrow().definition());

        @SuppressWarnings("unchecked")
        Select<FormVersionInfo> version = _get(Select.class, spec -> spec.withLabel("Version"));
        _setValue(version, version.getListDataView().getItems().filter(v -> v.number() == 1).findFirst().orElseThrow());
        assertThat(download.getHref()).endsWith(key + "-v1.json");
        JsonNode first = DefinitionJson.mapper().readTree(DownloadKt._download(download));
        assertThat(first).isEqualTo(forms.version(key, 1).orElseThrow().definition()).isNotEqualTo(exported);
    }

    @Test
    void a_fim_schema_becomes_a_draft_and_the_mapping_report_is_shown() {
        BuilderView view = openList();
        _click(_get(Button.class, spec -> spec.withText("Aus FIM importieren (XDatenfelder 2.0/3.0)")));
        assertThat(_get(Button.class, spec -> spec.withId("fim-start")).isEnabled()).isFalse();

        _upload(_get(Upload.class, spec -> spec.withId("fim-schema-upload")), "select.xml", "application/xml",
                fimFile("v2/select.xml"));
        _click(_get(Button.class, spec -> spec.withId("fim-start")));

        assertThat(_find(Dialog.class)).isEmpty();
        FimReport report = _get(FimReport.class);
        FormVersionInfo draft = forms.draft(report.formKey).orElseThrow();
        assertThat(draft.createdBy()).isEqualTo("designer");
        assertThat(draft.definition().at("/metadata/fimId").asText()).isEqualTo("T1234");
        String shown = text(report);
        assertThat(shown).contains("Ergebnis des FIM-Imports: " + report.formKey)
                .contains("Das blockiert die Veröffentlichung (1)", "Die Auswahl hat keine Optionen.")
                .contains("Handlungsbedarf (", "Handlungsbedarf: ");
        assertThat(_get(report, Anchor.class).getHref()).isEqualTo("builder/" + report.formKey);
        assertThat(forms.validate(draft.definition())).isNotEmpty();
        assertThat(listedKeys(view)).contains(report.formKey);
    }

    @Test
    void a_broken_fim_file_is_named_with_a_specific_message_and_nothing_is_created() {
        BuilderView view = openList();
        _click(_get(Button.class, spec -> spec.withText("Aus FIM importieren (XDatenfelder 2.0/3.0)")));

        _upload(_get(Upload.class, spec -> spec.withId("fim-schema-upload")), "missing-id-node.xml", "application/xml",
                fimFile("v3/missing-id-node.xml"));
        _click(_get(Button.class, spec -> spec.withId("fim-start")));

        String shown = text(_get(Dialog.class));
        assertThat(shown).contains("Einem Element fehlt die Identifikation oder deren ID.", "Stelle in der Datei: ")
                .doesNotContain("Exception");
        assertThat(_find(FimReport.class)).isEmpty();
        assertThat(text(view.outcome)).isEmpty();
    }

    @Test
    void a_clerk_cannot_open_the_builder() {
        logout();
        login("clerk", Role.CLERK);

        UI.getCurrent().navigate("builder");

        assertThat(_find(BuilderView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }

    @Test
    void the_list_speaks_english() {
        useLanguage(java.util.Locale.ENGLISH);
        String key = TestData.uniqueKey("english");
        forms.create(TestData.contactForm(key, false), "test", true);
        BuilderView view = openList();

        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), key);

        assertThat(String.join(" ", GridKt._getFormattedRow(view.grid, 0))).contains("Contact form", "Active", "Version 1", "by test");
        assertThat(((Button) rowAction(view, key, "duplicate-")).getElement().getAttribute("aria-label"))
                .isEqualTo("Duplicate form Contact form");
    }

    static byte[] fimFile(String relative) {
        for (Path dir : List.of(Path.of("../shared/fim"), Path.of("/work/shared/fim"))) {
            if (Files.isDirectory(dir)) {
                try {
                    return Files.readAllBytes(dir.resolve(relative));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("XDatenfelder test files not found");
    }
}
