package org.formularium.builder.ui.editor;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import java.io.IOException;
import java.io.InputStream;
import org.formularium.builder.editing.Conditions.Operator;
import org.formularium.builder.editing.FormDraft;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.store.FormService;
import org.formularium.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The key test of the editor: a designer builds the Fischereischein demo form from an empty form only by
 * clicking palette buttons and filling property fields and condition rows, and the saved draft equals the demo
 * definition (the form key aside, which the store hands out). The texts typed are taken from the demo file so
 * that they match to the character.
 */
class FischereischeinThroughEditorTest extends EditorTestSupport {

    @Autowired
    FormService forms;

    private JsonNode demo;

    private String demo(String pointer) {
        JsonNode node = demo.at(pointer.replace('.', '/'));
        assertThat(node.isMissingNode()).as(pointer).isFalse();
        return node.asText();
    }

    /** Label (or another text property) in both languages, taken from the demo element at the pointer. */
    private void demoTexts(String property, String pointer) {
        texts(property, demo(pointer + "/" + property + "/de"), demo(pointer + "/" + property + "/en"));
    }

    private void demoLongTexts(String property, String pointer) {
        longTexts(property, demo(pointer + "/" + property + "/de"), demo(pointer + "/" + property + "/en"));
    }

    private static void condition(String property, String field, Operator operator, String value) {
        int row = conditionRows(property);
        click("prop-" + property + "-add");
        select("prop-" + property + "-field-" + row, field);
        select("prop-" + property + "-op-" + row, operator);
        if (operator.needsValue()) {
            text("prop-" + property + "-value-" + row, value);
        }
    }

    private static int conditionRows(String property) {
        for (int i = 0; ; i++) {
            int row = i;
            if (_find(Select.class, spec -> spec.withId("prop-" + property + "-field-" + row)).isEmpty()) {
                return row;
            }
        }
    }

    private static final String JAHR_FUENF = "JAHR, FUENF";

    @Test
    void a_designer_builds_the_fischereischein_form_through_the_editor() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/forms/demo/fischereischein.json")) {
            demo = DefinitionJson.mapper().readTree(in);
        }
        String key = TestData.uniqueKey("fischer");
        forms.createDraft(FormDraft.emptyDefinition(key, "Neues Formular"), "designer");
        open(key);

        // form settings (the form is selected when the editor opens)
        check("settings-english", true);
        demoTexts("title", "");
        demoLongTexts("description", "");
        demoTexts("topic", "");
        demoLongTexts("privacy.notice", "");
        check("prop-privacy.consentRequired", true);
        demoLongTexts("privacy.controller", "");
        demoTexts("privacy.legalBasis", "");
        demoTexts("privacy.purpose", "");
        number("prop-privacy.retentionDays", 1830);
        number("prop-privacy.draftRetentionDays", 30);
        area("prop-metadata", "fachverfahren = Fischereischeinregister\nfachbereich = Bürgerservice");

        // page 1: type of licence
        click("add-page");
        demoTexts("title", "/pages/0");
        text("prop-key", "licence");

        String p = "/pages/0/elements/";
        click("add-info");
        demoLongTexts("content", p + "0");
        text("prop-key", "licence_intro");

        click("add-choice");
        demoTexts("label", p + "1");
        text("prop-key", "licence_type");
        check("prop-required", true);
        for (int i = 0; i < 3; i++) {
            click("option-add");
            text("option-value-" + i, demo(p + "1/options/" + i + "/value"));
            text("option-label-de-" + i, demo(p + "1/options/" + i + "/label/de"));
            text("option-label-en-" + i, demo(p + "1/options/" + i + "/label/en"));
        }

        click("add-yesno");
        demoTexts("label", p + "2");
        text("prop-key", "renewal");
        condition("visibleIf", "licence_type", Operator.IS_ONE_OF, JAHR_FUENF);
        condition("requiredIf", "licence_type", Operator.IS_ONE_OF, JAHR_FUENF);

        click("add-text");
        demoTexts("label", p + "3");
        text("prop-key", "previous_licence_number");
        number("prop-maxLength", 30);
        text("prop-pattern", demo(p + "3/pattern"));
        demoTexts("patternMessage", p + "3");
        condition("visibleIf", "licence_type", Operator.IS_ONE_OF, JAHR_FUENF);
        condition("visibleIf", "renewal", Operator.IS, "true");
        condition("requiredIf", "licence_type", Operator.IS_ONE_OF, JAHR_FUENF);
        condition("requiredIf", "renewal", Operator.IS, "true");

        click("add-section");
        demoTexts("title", p + "4");
        text("prop-key", "exam_section");
        condition("visibleIf", "licence_type", Operator.IS_ONE_OF, JAHR_FUENF);
        condition("visibleIf", "renewal", Operator.IS, "false");

        String s = p + "4/elements/";
        click("add-text"); // into the selected section
        demoTexts("label", s + "0");
        demoTexts("hint", s + "0");
        text("prop-key", "exam_certificate_number");
        number("prop-maxLength", 30);
        condition("requiredIf", "licence_type", Operator.IS_ONE_OF, JAHR_FUENF);

        click("add-date"); // after the selected element
        demoTexts("label", s + "1");
        text("prop-key", "exam_date");
        text("prop-minDate", "1950-01-01");
        text("prop-maxDate", "today");

        click("add-file");
        demoTexts("label", s + "2");
        demoTexts("hint", s + "2");
        text("prop-key", "exam_certificate");
        text("prop-accept", "application/pdf, image/jpeg, image/png");
        number("prop-maxSizeKb", 10240);
        number("prop-maxFiles", 2);
        condition("requiredIf", "licence_type", Operator.IS_ONE_OF, JAHR_FUENF);

        selectNode(0);
        click("add-file"); // at the end of the page
        demoTexts("label", p + "5");
        text("prop-key", "guardian_consent");
        text("prop-accept", "application/pdf, image/jpeg, image/png");
        number("prop-maxSizeKb", 10240);
        condition("visibleIf", "licence_type", Operator.IS, "JUGEND");
        condition("requiredIf", "licence_type", Operator.IS, "JUGEND");

        // page 2: personal details
        click("add-page");
        demoTexts("title", "/pages/1");
        text("prop-key", "person");
        p = "/pages/1/elements/";
        personText(p + "0", "first_name", "given-name", true);
        personText(p + "1", "last_name", "family-name", true);

        click("add-date");
        demoTexts("label", p + "2");
        demoTexts("hint", p + "2");
        text("prop-key", "date_of_birth");
        check("prop-required", true);
        text("prop-minDate", "today-120y");
        text("prop-maxDate", "today-10y");
        combo("prop-autocomplete", "bday");
        check("prop-indexed", true);

        personText(p + "3", "place_of_birth", null, false);

        click("add-address");
        demoTexts("label", p + "4");
        demoTexts("hint", p + "4");
        text("prop-key", "address");
        check("prop-required", true);
        text("prop-countries", "DE");

        click("add-email");
        demoTexts("label", p + "5");
        text("prop-key", "email");
        check("prop-required", true);
        combo("prop-autocomplete", "email");
        check("prop-indexed", true);

        click("add-phone");
        demoTexts("label", p + "6");
        text("prop-key", "phone");
        combo("prop-autocomplete", "tel");

        // page 3: photo and fee
        click("add-page");
        demoTexts("title", "/pages/2");
        text("prop-key", "photo_fee");
        p = "/pages/2/elements/";

        click("add-file");
        demoTexts("label", p + "0");
        demoTexts("hint", p + "0");
        text("prop-key", "photo");
        check("prop-required", true);
        text("prop-accept", "image/jpeg, image/png");
        number("prop-maxSizeKb", 5120);
        number("prop-maxFiles", 1);

        click("add-computed");
        demoTexts("label", p + "1");
        text("prop-key", "fee");
        select("prop-format", "currency");
        area("prop-expression", demo.at(p + "1/expression").toPrettyString());

        click("add-info");
        demoLongTexts("content", p + "2");
        text("prop-key", "fee_info");

        click("add-consent");
        demoTexts("label", p + "3");
        demoLongTexts("statement", p + "3");
        text("prop-key", "truthfulness");
        check("prop-required", true);

        // confirmation settings need the e-mail field
        selectNode();
        demoLongTexts("confirmation.text", "");
        select("prop-confirmation.emailElement", "email");
        check("prop-confirmation.attachPdf", true);

        JsonNode saved = forms.draft(key).orElseThrow().definition();
        ObjectNode expected = demo.deepCopy();
        expected.put("key", key);
        assertThat(saved).isEqualTo(expected);
        assertThat(forms.validate(saved)).isEmpty();
        assertThat(_problemsShown()).isEqualTo("Keine Probleme");
    }

    private static String _problemsShown() {
        return _get(H2.class,
                spec -> spec.withId("problems-heading")).getText();
    }

    private void personText(String pointer, String key, String autocomplete, boolean indexed) {
        click("add-text");
        demoTexts("label", pointer);
        text("prop-key", key);
        check("prop-required", true);
        number("prop-maxLength", 100);
        if (autocomplete != null) {
            combo("prop-autocomplete", autocomplete);
        }
        if (indexed) {
            check("prop-indexed", true);
        }
    }
}
