package org.formularium.definition.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.formularium.definition.DefinitionParser;
import org.formularium.definition.Fixtures;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.SectionElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

class SubmissionJsonSchemaTest {

    private static final int VERSION = DemoSamples.VERSION;

    // ------------------------------------------------------------------ every demo form

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void derived_schema_is_a_valid_json_schema_2020_12(String key) {
        ObjectNode schema = SubmissionJsonSchema.derive(DemoSamples.definition(key), VERSION);

        assertThat(JsonSchemas.metaSchemaProblems(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("urn:formularium:form:" + key + ":v3:schema.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void sample_submission_document_is_valid(String key) {
        FormDefinition definition = DemoSamples.definition(key);
        ObjectNode document = SubmissionJson.write(definition, VERSION, DemoSamples.envelope(), DemoSamples.data(key));

        assertThat(JsonSchemas.validate(SubmissionJsonSchema.derive(definition, VERSION), document)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void sample_data_alone_is_valid_against_defs_data(String key) {
        ObjectNode schema = SubmissionJsonSchema.derive(DemoSamples.definition(key), VERSION);

        assertThat(JsonSchemas.validateData(schema, DemoSamples.data(key))).isEmpty();
        ObjectNode wrong = DemoSamples.data(key).put("no_such_field", "x");
        assertThat(JsonSchemas.validateData(schema, wrong)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void a_text_answer_of_the_wrong_type_is_rejected(String key) {
        ObjectNode data = DemoSamples.data(key);
        String field = firstAnswered(key, data, e -> data.path(e.key()).isTextual()).orElseThrow();
        data.put(field, 42);

        assertInvalid(key, data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void an_unknown_option_is_rejected(String key) {
        ObjectNode data = DemoSamples.data(key);
        String field = firstAnswered(key, data, e -> e instanceof ChoiceElement c && !c.multiple()).orElseThrow();
        data.put(field, "NO_SUCH_OPTION");

        assertInvalid(key, data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void an_unknown_property_is_rejected_in_data_and_in_the_envelope(String key) {
        ObjectNode data = DemoSamples.data(key).put("no_such_field", "x");
        assertInvalid(key, data);

        FormDefinition definition = DemoSamples.definition(key);
        ObjectNode document = SubmissionJson.write(definition, VERSION, DemoSamples.envelope(), DemoSamples.data(key));
        document.put("extra", true);
        assertThat(JsonSchemas.validate(SubmissionJsonSchema.derive(definition, VERSION), document)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void a_missing_unconditionally_required_field_is_rejected(String key) {
        FormDefinition definition = DemoSamples.definition(key);
        List<String> required = unconditionallyRequired(definition);
        assertThat(required).isNotEmpty();
        assertThat(SubmissionJsonSchema.derive(definition, VERSION).at("/$defs/data/required"))
                .extracting(JsonNode::asText).containsExactlyElementsOf(required);

        for (String field : required) {
            ObjectNode data = DemoSamples.data(key);
            data.remove(field);
            assertInvalid(key, data);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void a_badly_formatted_submission_time_is_rejected(String key) {
        FormDefinition definition = DemoSamples.definition(key);
        ObjectNode document = SubmissionJson.write(definition, VERSION, DemoSamples.envelope(), DemoSamples.data(key));
        document.put("submittedAt", "04.05.2026 10:15");

        assertThat(JsonSchemas.validate(SubmissionJsonSchema.derive(definition, VERSION), document)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithDateAnswers")
    void a_badly_formatted_date_is_rejected(String key) {
        ObjectNode data = DemoSamples.data(key);
        String date = firstAnswered(key, data, e -> e.type() == ElementType.DATE).orElseThrow();

        for (String bad : List.of("16.03.2024", "2024-3-16", "2024-13-01", "2024-03-16T00:00:00")) {
            data.put(date, bad);
            assertInvalid(key, data);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithGroupAnswers")
    void more_group_items_than_max_items_are_rejected(String key) {
        FormDefinition definition = DemoSamples.definition(key);
        ObjectNode data = DemoSamples.data(key);
        String groupKey = firstAnswered(key, data, e -> e instanceof GroupElement).orElseThrow();
        GroupElement group = (GroupElement) definition.formScopeElements().stream()
                .filter(e -> e.key().equals(groupKey)).findFirst().orElseThrow();
        ArrayNode items = (ArrayNode) data.get(group.key());
        JsonNode item = items.get(0);
        while (items.size() <= group.maxItemsOrDefault()) {
            items.add(item.deepCopy());
        }

        assertInvalid(key, data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithGroupAnswers")
    void an_unknown_property_inside_a_group_item_is_rejected(String key) {
        ObjectNode data = DemoSamples.data(key);
        String groupKey = firstAnswered(key, data, e -> e instanceof GroupElement).orElseThrow();
        ((ObjectNode) data.get(groupKey).get(0)).put("no_such_field", 1);

        assertInvalid(key, data);
    }

    static Stream<String> keysWithDateAnswers() {
        return DemoSamples.keys().stream().filter(key -> firstAnswered(key, DemoSamples.data(key),
                e -> e.type() == ElementType.DATE).isPresent());
    }

    static Stream<String> keysWithGroupAnswers() {
        return DemoSamples.keys().stream().filter(key -> firstAnswered(key, DemoSamples.data(key),
                e -> e instanceof GroupElement).isPresent());
    }

    // ------------------------------------------------------------------ element types

    @Test
    void conditional_requiredness_is_described_not_required() {
        FormDefinition definition = DemoSamples.definition("parkausweis");
        JsonNode data = SubmissionJsonSchema.derive(definition, VERSION).at("/$defs/data");

        assertThat(data.path("required")).extracting(JsonNode::asText)
                .contains("reason", "valid_from", "vehicles", "first_name", "address")
                .doesNotContain("company_name", "vehicle_owned", "account_holder", "iban", "sepa_mandate");
        assertThat(data.at("/properties/company_name/description").asText())
                .startsWith("Name of the business or care service")
                .contains("Required when {\"in\":[{\"var\":\"reason\"}", "cannot be expressed in a static schema");
        assertThat(data.at("/properties/iban/description").asText())
                .contains("Present only when section 'sepa_section' is shown, i.e. when");
        assertThat(data.at("/properties/reason/title").asText()).isEqualTo("Wofür benötigen Sie den Parkausweis?");
        // inside an item, requiredness starts afresh: an item exists only when its group is shown
        assertThat(data.at("/properties/vehicles/items/required")).extracting(JsonNode::asText)
                .containsExactly("license_plate");
    }

    @Test
    void visibility_of_pages_and_sections_makes_requiredness_conditional_also_inside_groups() throws SAXException {
        ObjectNode form = Fixtures.minimalForm("""
                [{'type': 'text', 'key': 'always', 'required': true, 'label': {'de': 'Immer'}},
                 {'type': 'group', 'key': 'people', 'label': {'de': 'Personen'}, 'elements': [
                   {'type': 'text', 'key': 'name', 'required': true, 'label': {'de': 'Name'}},
                   {'type': 'section', 'key': 'extra', 'title': {'de': 'Extra'},
                    'visibleIf': {'==': [{'var': 'always'}, 'x']}, 'elements': [
                     {'type': 'text', 'key': 'nickname', 'required': true, 'label': {'de': 'Rufname'}}]}]}]""");
        ((ArrayNode) form.get("pages")).add(Fixtures.q("""
                {'key': 'second', 'title': {'de': 'Zweite Seite'}, 'visibleIf': {'==': [{'var': 'always'}, 'y']},
                 'elements': [{'type': 'text', 'key': 'later', 'required': true, 'label': {'de': 'Später'}}]}"""));
        FormDefinition definition = DefinitionParser.parse(form).definitionOrThrow();

        ObjectNode schema = SubmissionJsonSchema.derive(definition, 1);

        assertThat(schema.at("/$defs/data/required")).extracting(JsonNode::asText).containsExactly("always");
        assertThat(schema.at("/$defs/data/properties/later/description").asText())
                .contains("Present only when page 'second' is shown", "Required whenever it is shown.");
        assertThat(schema.at("/$defs/data/properties/people/items/required")).extracting(JsonNode::asText)
                .containsExactly("name");
        assertThat(XmlSchemas.compile(SubmissionXml.deriveXsd(definition, 1))).isNotNull();
    }

    @Test
    void german_postal_codes_are_checked_only_for_german_addresses() {
        FormDefinition definition = Fixtures.bilingualForm("""
                [{'type': 'address', 'key': 'address', 'required': true, 'countries': ['DE', 'NL'],
                  'requireHouseNumber': false, 'label': {'de': 'Anschrift', 'en': 'Address'}}]""");
        ObjectNode schema = SubmissionJsonSchema.derive(definition, 1);

        assertThat(validData(schema, "{'address': {'street': 'Markt', 'postalCode': '46562', 'city': 'Voerde',"
                + " 'country': 'DE'}}")).isTrue();
        assertThat(validData(schema, "{'address': {'street': 'Markt', 'postalCode': '1012 AB', 'city': 'Amsterdam',"
                + " 'country': 'NL'}}")).isTrue();
        assertThat(validData(schema, "{'address': {'street': 'Markt', 'postalCode': '1012 AB', 'city': 'Voerde',"
                + " 'country': 'DE'}}")).isFalse();
        assertThat(validData(schema, "{'address': {'street': 'Markt', 'postalCode': '46562', 'city': 'Voerde',"
                + " 'country': 'FR'}}")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void every_object_in_the_derived_schema_is_closed(String key) {
        List<String> open = new ArrayList<>();
        walk(SubmissionJsonSchema.derive(DemoSamples.definition(key), VERSION), "", open);

        assertThat(open).isEmpty();
    }

    @Test
    void element_types_map_to_json_schema_types() {
        FormDefinition definition = Fixtures.bilingualForm("""
                [{'type': 'text', 'key': 'name', 'label': {'de': 'Name', 'en': 'Name'}, 'required': true,
                  'maxLength': 50, 'pattern': '^[A-Z].*$'},
                 {'type': 'number', 'key': 'hours', 'label': {'de': 'Stunden', 'en': 'Hours'}, 'min': 0.5,
                  'max': 24, 'scale': 1},
                 {'type': 'integer', 'key': 'count', 'label': {'de': 'Anzahl', 'en': 'Count'}, 'min': 1},
                 {'type': 'currency', 'key': 'amount', 'label': {'de': 'Betrag', 'en': 'Amount'}},
                 {'type': 'email', 'key': 'mail', 'label': {'de': 'E-Mail', 'en': 'E-mail'}},
                 {'type': 'choice', 'key': 'colours', 'display': 'checkboxes', 'maxSelected': 2,
                  'label': {'de': 'Farben', 'en': 'Colours'},
                  'options': [{'value': 'RED', 'label': {'de': 'Rot', 'en': 'Red'}},
                              {'value': 'BLUE', 'label': {'de': 'Blau', 'en': 'Blue'}},
                              {'value': 'GREEN', 'label': {'de': 'Grün', 'en': 'Green'}}]},
                 {'type': 'consent', 'key': 'ok', 'required': true, 'label': {'de': 'Zustimmung', 'en': 'Consent'},
                  'statement': {'de': 'Ich stimme zu.', 'en': 'I agree.'}},
                 {'type': 'computed', 'key': 'fee', 'label': {'de': 'Gebühr', 'en': 'Fee'},
                  'expression': {'*': [{'var': 'count'}, 2]}, 'format': 'currency'},
                 {'type': 'hidden', 'key': 'proc', 'label': {'de': 'Verfahren', 'en': 'Procedure'}, 'value': 7}]""");
        ObjectNode schema = SubmissionJsonSchema.derive(definition, 1);
        JsonNode p = schema.at("/$defs/data/properties");

        assertThat(JsonSchemas.metaSchemaProblems(schema)).isEmpty();
        assertThat(p.at("/name/type").asText()).isEqualTo("string");
        assertThat(p.at("/name/maxLength").asInt()).isEqualTo(50);
        assertThat(p.at("/name/pattern").asText()).isEqualTo("^[A-Z].*$");
        assertThat(p.at("/hours/multipleOf").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(p.at("/count/type").asText()).isEqualTo("integer");
        assertThat(p.at("/amount/multipleOf").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(p.at("/mail/format").asText()).isEqualTo("email");
        assertThat(p.at("/colours/uniqueItems").asBoolean()).isTrue();
        assertThat(p.at("/ok/const").asBoolean()).isTrue();
        assertThat(p.at("/proc/type").asText()).isEqualTo("integer");

        assertThat(validData(schema, "{'name': 'Anna', 'ok': true}")).isTrue();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'hours': 1.5, 'count': 3, 'amount': 19.99,"
                + " 'mail': 'a@example.org', 'colours': ['RED', 'GREEN'], 'fee': 6, 'proc': 7}")).isTrue();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'fee': 'sechs'}")).isTrue();
        assertThat(validData(schema, "{'name': 'anna', 'ok': true}")).as("pattern").isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': false}")).as("consent").isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'hours': 1.55}")).as("scale").isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'hours': 25}")).as("max").isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'count': 1.5}")).as("integer").isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'amount': 19.999}")).as("cents").isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'mail': 'not an address'}")).isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'colours': ['RED', 'RED']}")).isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'colours': ['RED', 'BLUE', 'GREEN']}"))
                .as("maxSelected").isFalse();
        assertThat(validData(schema, "{'name': 'Anna', 'ok': true, 'fee': {'a': 1}}")).as("scalar").isFalse();
    }

    @Test
    void code_lists_are_resolved_into_the_enum() {
        FormDefinition definition = DemoSamples.definition("fundsache");
        JsonNode category = SubmissionJsonSchema.derive(definition, 1).at("/$defs/data/properties/category");

        assertThat(category.path("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(definition.codeList("fundkategorien").stream().map(Option::value).toList());
    }

    @Test
    void addresses_and_files_are_closed_objects_with_their_checks() {
        ObjectNode schema = SubmissionJsonSchema.derive(DemoSamples.definition("fischereischein"), 1);
        JsonNode address = schema.at("/$defs/data/properties/address");
        JsonNode file = schema.at("/$defs/data/properties/photo/items");

        assertThat(address.path("required")).extracting(JsonNode::asText)
                .contains("street", "postalCode", "city", "country");
        assertThat(address.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(file.at("/properties/sha256/pattern").asText()).isEqualTo("^[0-9a-f]{64}$");
        assertThat(file.path("additionalProperties").asBoolean(true)).isFalse();

        ObjectNode data = DemoSamples.data("fischereischein");
        ((ObjectNode) data.get("address")).put("postalCode", "4656");
        assertThat(JsonSchemas.validateData(schema, data)).as("German postal code").isNotEmpty();
        data = DemoSamples.data("fischereischein");
        ((ObjectNode) data.get("address")).remove("city");
        assertThat(JsonSchemas.validateData(schema, data)).as("city").isNotEmpty();
        data = DemoSamples.data("fischereischein");
        ((ObjectNode) data.get("photo").get(0)).put("sha256", "55C64D0F");
        assertThat(JsonSchemas.validateData(schema, data)).as("sha256").isNotEmpty();
        data = DemoSamples.data("fischereischein");
        ((ObjectNode) data.get("photo").get(0)).put("mediaType", "application/x-msdownload");
        assertThat(JsonSchemas.validateData(schema, data)).as("media type").isNotEmpty();
    }

    @Test
    void the_envelope_pins_form_key_version_and_language() {
        FormDefinition definition = DemoSamples.definition("buecherwunsch");
        ObjectNode schema = SubmissionJsonSchema.derive(definition, VERSION);
        ObjectNode document = SubmissionJson.write(definition, VERSION, DemoSamples.envelope(),
                DemoSamples.data("buecherwunsch"));

        assertThat(JsonSchemas.validate(schema, document.deepCopy().put("language", "fr"))).isNotEmpty();
        ObjectNode otherVersion = document.deepCopy();
        ((ObjectNode) otherVersion.get("form")).put("version", VERSION + 1);
        assertThat(JsonSchemas.validate(schema, otherVersion)).isNotEmpty();
        ObjectNode missingReference = document.deepCopy();
        missingReference.remove("reference");
        assertThat(JsonSchemas.validate(schema, missingReference)).isNotEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static void assertInvalid(String key, JsonNode data) {
        FormDefinition definition = DemoSamples.definition(key);
        ObjectNode document = SubmissionJson.write(definition, VERSION, DemoSamples.envelope(), data);
        assertThat(JsonSchemas.validate(SubmissionJsonSchema.derive(definition, VERSION), document))
                .as("%s with data %s", key, data).isNotEmpty();
    }

    private static boolean validData(ObjectNode schema, String data) {
        return JsonSchemas.validateData(schema, Fixtures.q(data)).isEmpty();
    }

    /** Collects the paths of object schemas that allow other properties. */
    private static void walk(JsonNode node, String path, List<String> open) {
        if (node.isObject() && "object".equals(node.path("type").asText())
                && node.path("additionalProperties").asBoolean(true)) {
            open.add(path);
        }
        if (node.isContainerNode()) {
            node.fields().forEachRemaining(field -> walk(field.getValue(), path + "/" + field.getKey(), open));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, open);
            }
        }
    }

    /** The first input at form scope that the sample answers and that matches. */
    private static Optional<String> firstAnswered(String key, JsonNode data, Predicate<InputElement> filter) {
        return DemoSamples.definition(key).formScopeElements().stream()
                .filter(InputElement.class::isInstance).map(InputElement.class::cast)
                .filter(e -> data.has(e.key()))
                .filter(filter)
                .map(InputElement::key)
                .findFirst();
    }

    /** Keys required with no visibleIf on the element, its page or its sections, in definition order. */
    private static List<String> unconditionallyRequired(FormDefinition definition) {
        List<String> keys = new ArrayList<>();
        for (Page page : definition.pages()) {
            if (page.visibleIf() == null) {
                collectRequired(page.elements(), keys);
            }
        }
        return keys;
    }

    private static void collectRequired(List<Element> elements, List<String> keys) {
        for (Element element : elements) {
            if (element.visibleIf() != null) {
                continue;
            }
            if (element instanceof SectionElement section) {
                collectRequired(section.elements(), keys);
            } else if (element instanceof InputElement input && input.requiredOrFalse()) {
                keys.add(input.key());
            }
        }
    }
}
