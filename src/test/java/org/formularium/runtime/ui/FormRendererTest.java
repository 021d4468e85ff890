package org.formularium.runtime.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.evaluation.DataEvaluator;
import org.formularium.definition.evaluation.Evaluation;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.Page;
import org.formularium.submission.AttachmentRejectedException;
import org.formularium.submission.StoredAttachment;
import org.formularium.support.AbstractKaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer on its own (as the builder preview uses it): every element type renders with a visible label,
 * binds its answer into the JSON data, and shows what the evaluator says.
 */
class FormRendererTest extends AbstractKaribuTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    private FormDefinition definition;
    private ObjectNode data;
    private FormRenderer renderer;
    private Evaluation evaluation;

    @BeforeEach
    void loadDefinition() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/org/formularium/definition/complete-form.json")) {
            definition = DefinitionJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        data = DefinitionJson.mapper().createObjectNode();
    }

    private void render(String pageKey, Locale locale) {
        renderer = new FormRenderer(definition, locale, this::store);
        renderer.addChangeListener(path -> {
            evaluation = DataEvaluator.evaluate(definition, data, TODAY);
            renderer.apply(evaluation);
        });
        Page page = definition.page(pageKey).orElseThrow();
        Component component = renderer.render(page, data);
        UI.getCurrent().add(component);
        evaluation = DataEvaluator.evaluate(definition, data, TODAY);
        renderer.apply(evaluation);
    }

    private StoredAttachment store(org.formularium.definition.model.FileElement element, String name, InputStream in) {
        try {
            byte[] bytes = in.readAllBytes();
            if (!new String(bytes, 0, Math.min(4, bytes.length), StandardCharsets.ISO_8859_1).equals("%PDF")) {
                throw new AttachmentRejectedException(AttachmentRejectedException.Reason.TYPE_NOT_ALLOWED,
                        org.formularium.definition.model.LocalizedText.of("Die Datei „" + name + "“ hat ein nicht erlaubtes Format.",
                                "The file “" + name + "” is not an allowed format."));
            }
            return new StoredAttachment(UUID.randomUUID(), name, bytes.length, "application/pdf", "0".repeat(64));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds a component by id, visible or not (Karibu's locators see visible ones only). */
    private static <T extends Component> T byId(Class<T> type, String id) {
        return findById(UI.getCurrent(), id).map(type::cast).orElseThrow(() -> new AssertionError("no component #" + id));
    }

    private static java.util.Optional<Component> findById(Component root, String id) {
        if (id.equals(root.getId().orElse(null))) {
            return java.util.Optional.of(root);
        }
        return root.getChildren().map(c -> findById(c, id)).flatMap(java.util.Optional::stream).findFirst();
    }

    @Test
    void text_field_has_a_required_label_autocomplete_and_binds_its_answer() {
        render("person", Locale.GERMAN);

        TextField firstName = _get(TextField.class, spec -> spec.withLabel("Vorname (Pflichtfeld)"));
        _setValue(firstName, "Jürgen");

        assertThat(data.get("first_name").asText()).isEqualTo("Jürgen");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Nachname (Pflichtfeld)")).getElement()
                .getAttribute("autocomplete")).isEqualTo("family-name");
    }

    @Test
    void release_forgets_the_rendered_page_so_its_components_are_not_kept_with_the_session() {
        render("person", Locale.GERMAN);
        assertThat(renderer.renders("first_name")).isTrue();

        renderer.release();

        assertThat(renderer.renders("first_name")).isFalse();
        assertThat(renderer.focusId("first_name")).isEmpty();
        renderer.apply(evaluation);
        assertThat(renderer.showErrors(evaluation.errors())).allSatisfy((error, target) -> assertThat(target).isEmpty());
    }

    @Test
    void optional_fields_have_no_marker_and_hints_become_helper_text() {
        render("person", Locale.GERMAN);

        TextField phone = _get(TextField.class, spec -> spec.withLabel("Telefonnummer"));
        _setValue(phone, "0281 1234");

        assertThat(data.get("phone").asText()).isEqualTo("0281 1234");
    }

    @Test
    void date_picker_speaks_german_and_stores_an_iso_date() {
        render("person", Locale.GERMAN);

        DatePicker birth = _get(DatePicker.class, spec -> spec.withLabel("Geburtsdatum (Pflichtfeld)"));
        _setValue(birth, LocalDate.of(1980, 3, 27));

        assertThat(data.get("birth_date").asText()).isEqualTo("1980-03-27");
        assertThat(birth.getI18n().getDateFormats()).startsWith("dd.MM.yyyy");
        assertThat(birth.getI18n().getMonthNames()).contains("März");
        assertThat(birth.getI18n().getToday()).isEqualTo("Heute");
        assertThat(birth.getHelperText()).contains("TT.MM.JJJJ");
    }

    @Test
    void a_date_the_picker_cannot_read_is_kept_as_typed_and_judged_invalid() {
        render("person", Locale.GERMAN);
        DatePicker birth = _get(DatePicker.class, spec -> spec.withLabel("Geburtsdatum (Pflichtfeld)"));

        elemental.json.JsonObject typed = elemental.json.Json.createObject();
        typed.put(DateRenderer.TYPED_TEXT, "31.02.1980");
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(birth.getElement(),
                new com.vaadin.flow.dom.DomEvent(birth.getElement(), "unparsable-change", typed));

        assertThat(data.get("birth_date").asText()).isEqualTo("31.02.1980");
        assertThat(org.formularium.definition.evaluation.DataEvaluator.evaluate(definition, data, TODAY)
                .errorsAt("birth_date")).extracting(e -> e.code().name()).containsExactly("INVALID_DATE");
    }

    @Test
    void email_field_binds_its_answer() {
        render("person", Locale.GERMAN);

        _setValue(_get(EmailField.class, spec -> spec.withLabel("E-Mail-Adresse (Pflichtfeld)")), "a@example.de");

        assertThat(data.get("email").asText()).isEqualTo("a@example.de");
    }

    @Test
    void address_is_a_fieldset_with_a_legend_and_labelled_parts_with_autocomplete() {
        render("person", Locale.GERMAN);

        FieldSet address = _get(FieldSet.class, spec -> spec.withClasses("address"));
        assertThat(address.getLegendText()).isEqualTo("Anschrift (Pflichtfeld)");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Straße (Pflichtfeld)")), "Rathausplatz");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Hausnummer (Pflichtfeld)")), "20");
        TextField postalCode = _get(TextField.class, spec -> spec.withLabel("Postleitzahl (Pflichtfeld)"));
        _setValue(postalCode, "46562");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Ort (Pflichtfeld)")), "Voerde");

        assertThat(data.get("address").get("street").asText()).isEqualTo("Rathausplatz");
        assertThat(data.get("address").get("postalCode").asText()).isEqualTo("46562");
        assertThat(postalCode.getElement().getAttribute("autocomplete")).isEqualTo("postal-code");
    }

    @Test
    void radio_choice_binds_the_option_value() {
        render("vehicle", Locale.GERMAN);

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> reason = _get(RadioButtonGroup.class, spec -> spec.withLabel("Grund (Pflichtfeld)"));
        _setValue(reason, "craft");

        assertThat(data.get("reason").asText()).isEqualTo("craft");
        assertThat(reason.getItemLabelGenerator().apply("craft")).isEqualTo("Handwerk");
    }

    @Test
    void checkboxes_from_a_code_list_bind_an_array_in_option_order() {
        render("vehicle", Locale.GERMAN);

        @SuppressWarnings("unchecked")
        CheckboxGroup<String> zones = _get(CheckboxGroup.class, spec -> spec.withLabel("Zonen"));
        _setValue(zones, Set.of("C", "A"));

        assertThat(data.get("zones").toString()).isEqualTo("[\"A\",\"C\"]");
    }

    @Test
    void integer_number_and_textarea_bind_typed_numbers_with_a_decimal_comma() {
        render("vehicle", Locale.GERMAN);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Anzahl Fahrzeuge (Pflichtfeld)")), "2");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Gewicht")), "3,5");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Bemerkungen")), "Keine");

        assertThat(data.get("vehicles").asText()).isEqualTo("2");
        assertThat(data.get("weight").asText()).isEqualTo("3.5");
        assertThat(data.get("remarks").asText()).isEqualTo("Keine");
        assertThat(DataEvaluator.evaluate(definition, data, TODAY).data().get("weight").decimalValue())
                .isEqualByComparingTo("3.5");
    }

    @Test
    void yes_no_binds_a_boolean() {
        render("vehicle", Locale.GERMAN);

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> electric = _get(RadioButtonGroup.class, spec -> spec.withLabel("Elektrofahrzeug"));
        _setValue(electric, Boolean.FALSE);

        assertThat(data.get("electric").isBoolean()).isTrue();
        assertThat(data.get("electric").booleanValue()).isFalse();
        assertThat(electric.getItemLabelGenerator().apply(Boolean.TRUE)).isEqualTo("Ja");
    }

    @Test
    void repeating_group_starts_with_its_minimum_and_adds_and_removes_named_items_up_to_the_maximum() {
        render("vehicle", Locale.GERMAN);

        assertThat(_get(FieldSet.class, spec -> spec.withClasses("group-item")).getLegendText()).isEqualTo("Fahrzeug 1");
        assertThat(_find(Button.class, spec -> spec.withText("Fahrzeug 1 entfernen"))).as("no removal below the minimum").isEmpty();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Kennzeichen (Pflichtfeld)")), "WES-AB 1");

        Button add = _get(Button.class, spec -> spec.withText("Fahrzeug hinzufügen"));
        _click(add);
        _click(add);

        assertThat(_find(FieldSet.class, spec -> spec.withClasses("group-item"))).hasSize(3);
        assertThat(add.isEnabled()).as("add is disabled at the maximum").isFalse();
        assertThat(_get(Div.class, spec -> spec.withId(RenderContext.fieldId("plates")))
                .getElement().getTextRecursively()).contains("höchstens 3 Einträge");
        assertThat(data.get("plates")).hasSize(3);

        _click(_get(Button.class, spec -> spec.withText("Fahrzeug 2 entfernen")));

        assertThat(data.get("plates")).hasSize(2);
        assertThat(data.get("plates").get(0).get("plate").asText()).isEqualTo("WES-AB 1");
        assertThat(add.isEnabled()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withText("Fahrzeug 3 entfernen"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Fahrzeug 2 entfernen"))).hasSize(1);
    }

    @Test
    void fields_inside_a_group_item_follow_their_own_visibility() {
        render("vehicle", Locale.GERMAN);

        TextField lessor = byId(TextField.class, RenderContext.fieldId("plates[0].lessor"));
        assertThat(lessor.isVisible()).isFalse();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> leased = _get(RadioButtonGroup.class, spec -> spec.withLabel("Geleast"));
        _setValue(leased, Boolean.TRUE);

        assertThat(lessor.isVisible()).isTrue();
    }

    @Test
    void visible_if_shows_and_required_if_marks_the_company_field() {
        render("vehicle", Locale.GERMAN);
        TextField company = byId(TextField.class, RenderContext.fieldId("company"));
        assertThat(company.isVisible()).isFalse();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> reason = _get(RadioButtonGroup.class, spec -> spec.withLabel("Grund (Pflichtfeld)"));
        _setValue(reason, "craft");

        assertThat(company.isVisible()).isTrue();
        assertThat(company.getLabel()).isEqualTo("Firma (Pflichtfeld)");

        _setValue(reason, "resident");
        assertThat(company.isVisible()).isFalse();
    }

    @Test
    void applying_an_unchanged_evaluation_again_sends_nothing_to_the_browser() {
        data.put("reason", "craft");
        render("vehicle", Locale.GERMAN);
        com.vaadin.flow.internal.StateTree tree = UI.getCurrent().getInternals().getStateTree();
        tree.collectChanges(change -> { });

        renderer.apply(DataEvaluator.evaluate(definition, data, TODAY));
        List<com.vaadin.flow.internal.change.NodeChange> unchanged = new ArrayList<>();
        tree.collectChanges(unchanged::add);
        data.put("reason", "resident");
        renderer.apply(DataEvaluator.evaluate(definition, data, TODAY));
        List<com.vaadin.flow.internal.change.NodeChange> changed = new ArrayList<>();
        tree.collectChanges(changed::add);

        assertThat(unchanged).isEmpty();
        assertThat(changed).as("the company field is hidden").isNotEmpty();
        assertThat(byId(TextField.class, RenderContext.fieldId("company")).isVisible()).isFalse();
    }

    @Test
    void computed_fee_updates_when_an_answer_changes() {
        data.put("vehicles", 1);
        render("payment", Locale.GERMAN);
        TextField fee = _get(TextField.class, spec -> spec.withLabel("Gebühr"));
        assertThat(fee.isReadOnly()).isTrue();
        assertThat(fee.getValue()).isEqualTo("30,50 €");

        data.put("vehicles", "2");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Spende")), "5");

        assertThat(fee.getValue()).isEqualTo("61,00 €");
    }

    @Test
    void currency_iban_consent_and_hidden_values_bind() {
        data.put("vehicles", 1);
        render("payment", Locale.GERMAN);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Spende")), "12,50");
        _setValue(_get(TextField.class, spec -> spec.withLabel("IBAN (Pflichtfeld)")), "DE07 3565 0000 0001 2345 67");
        assertThat(_get(FieldSet.class, spec -> spec.withClasses("consent")).getLegendText()).isEqualTo("Richtigkeit (Pflichtfeld)");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Ich versichere, dass meine Angaben stimmen.")), true);

        assertThat(data.get("donation").asText()).isEqualTo("12.50");
        assertThat(data.get("iban").asText()).isEqualTo("DE07 3565 0000 0001 2345 67");
        assertThat(data.get("truthful").booleanValue()).isTrue();
        assertThat(data.has("channel")).as("hidden values are the server's").isFalse();
        assertThat(DataEvaluator.evaluate(definition, data, TODAY).data().get("channel").asText()).isEqualTo("online");
    }

    @Test
    void file_upload_is_a_named_group_lists_stored_files_and_announces_rejected_ones() {
        data.put("vehicles", 1);
        render("payment", Locale.GERMAN);
        Div group = _get(Div.class, spec -> spec.withId(RenderContext.fieldId("proof")));
        assertThat(group.getElement().getAttribute("role")).isEqualTo("group");
        assertThat(_get(Span.class, spec -> spec.withId(RenderContext.fieldId("proof") + "-label")).getText()).isEqualTo("Nachweis");
        Upload upload = _get(group, Upload.class);
        assertThat(upload.getI18n().getAddFiles().getMany()).isEqualTo("Dateien auswählen …");

        _upload(upload, "brief.exe", "application/octet-stream", "MZ".getBytes(StandardCharsets.ISO_8859_1));

        Div alert = _get(group, Div.class, spec -> spec.withClasses("upload-rejected"));
        assertThat(alert.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(alert.getText()).contains("brief.exe").contains("nicht erlaubtes Format");
        assertThat(data.has("proof")).isFalse();

        _upload(upload, "nachweis.pdf", "application/pdf", "%PDF-1.7 test".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(data.get("proof")).hasSize(1);
        assertThat(data.get("proof").get(0).get("name").asText()).isEqualTo("nachweis.pdf");
        assertThat(alert.getText()).isEmpty();
        Button remove = _get(group, Button.class, spec -> spec.withText("Entfernen"));
        assertThat(remove.getElement().getAttribute("aria-label")).isEqualTo("Datei nachweis.pdf entfernen");

        _click(remove);

        assertThat(data.has("proof")).isFalse();
    }

    @Test
    void section_title_and_info_block_render() {
        render("person", Locale.GERMAN);

        assertThat(_find(H3.class).stream().map(H3::getText).toList()).isNotEmpty();
        Div intro = _get(Div.class, spec -> spec.withId(RenderContext.fieldId("intro")));
        String html = _get(intro, Div.class, spec -> spec.withClasses("info-content")).getElement().getProperty("innerHTML");
        assertThat(html).isEqualTo("<p>Bitte <strong>vollständig</strong> ausfüllen.</p>");
    }

    @Test
    void errors_go_inline_on_their_fields_and_name_a_focus_target() {
        render("vehicle", Locale.GERMAN);
        data.put("reason", "craft");
        data.put("weight", "7");

        Evaluation page = DataEvaluator.evaluatePage(definition, data, "vehicle", TODAY);
        var targets = renderer.showErrors(page.errors());

        TextField weight = _get(TextField.class, spec -> spec.withLabel("Gewicht"));
        assertThat(weight.isInvalid()).isTrue();
        assertThat(weight.getErrorMessage()).isEqualTo("Handwerksfahrzeuge dürfen höchstens 3,5 t wiegen.");
        assertThat(targets.values()).contains(java.util.Optional.of(RenderContext.fieldId("weight")));
    }

    @Test
    void english_page_uses_english_labels_and_marker() {
        useLanguage(Locale.ENGLISH);
        render("person", Locale.ENGLISH);

        assertThat(_find(TextField.class, spec -> spec.withLabel("First name (required)"))).hasSize(1);
        assertThat(_get(DatePicker.class, spec -> spec.withLabel("Date of birth (required)")).getI18n().getToday()).isEqualTo("Today");
    }

    @Test
    void select_display_uses_a_select_with_a_german_empty_caption() {
        com.fasterxml.jackson.databind.JsonNode tree = DefinitionJson.toTree(definition);
        ((ObjectNode) tree.get("pages").get(1).get("elements").get(0)).put("display", "select");
        definition = DefinitionJson.fromTree(tree);
        render("vehicle", Locale.GERMAN);

        @SuppressWarnings("unchecked")
        Select<String> reason = _get(Select.class, spec -> spec.withLabel("Grund (Pflichtfeld)"));
        _setValue(reason, "resident");

        assertThat(data.get("reason").asText()).isEqualTo("resident");
        assertThat(reason.getEmptySelectionCaption()).isEqualTo("Bitte auswählen");
        assertThat(List.of(reason.getLabel())).isNotEmpty();
    }
}
