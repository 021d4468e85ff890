package org.formularium.definition.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.formularium.definition.Fixtures;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.model.TextareaElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

class SubmissionXmlTest {

    private static final int VERSION = DemoSamples.VERSION;

    /** Umlauts, ß, €, emoji, RTL, every C0 control, a lone surrogate, U+FFFE/FFFF and markup characters. */
    static final String TORTURE;
    /** {@link #TORTURE} without what XML 1.0 forbids: tab, line feed and carriage return stay. */
    static final String TORTURE_CLEANED;

    static {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        String before = "Grüße aus Möllen – Maß 5 € 😀 שלום مرحبا ";
        String after = " \uD800 lone \uFFFE\uFFFF ]]> <&>\"' end";
        TORTURE = before + controls + after;
        TORTURE_CLEANED = before + "\t\n\r" + " " + " lone " + " ]]> <&>\"' end";
    }

    // ------------------------------------------------------------------ every demo form

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void derived_xsd_compiles_as_w3c_xml_schema(String key) throws SAXException {
        String xsd = SubmissionXml.deriveXsd(DemoSamples.definition(key), VERSION);

        assertThat(XmlSchemas.compile(xsd)).isNotNull();
        assertThat(xsd).contains("targetNamespace=\"urn:formularium:form:" + key + ":v3\"")
                .contains("elementFormDefault=\"qualified\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void sample_submission_xml_is_valid_against_the_derived_xsd(String key) throws SAXException {
        byte[] xml = sampleXml(key, DemoSamples.data(key));

        assertThat(XmlSchemas.problems(xsd(key), xml)).isEmpty();
        Document document = XmlSchemas.parse(xml);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("submission");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:formularium:form:" + key + ":v3");
        assertThat(XmlSchemas.children(document.getDocumentElement())).extracting(Element::getLocalName)
                .containsExactly("form", "reference", "submittedAt", "language", "data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void data_holds_one_element_per_answer_in_definition_order(String key) {
        ObjectNode data = DemoSamples.data(key);
        List<String> answered = DemoSamples.definition(key).formScopeElements().stream()
                .filter(InputElement.class::isInstance).map(e -> e.key()).filter(data::has).toList();

        Document document = XmlSchemas.parse(sampleXml(key, data));

        assertThat(XmlSchemas.children(XmlSchemas.data(document))).extracting(Element::getLocalName)
                .containsExactlyElementsOf(answered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void an_unknown_element_is_rejected(String key) throws SAXException {
        Document document = XmlSchemas.parse(sampleXml(key, DemoSamples.data(key)));
        Element data = XmlSchemas.data(document);
        data.appendChild(document.createElementNS(data.getNamespaceURI(), "no_such_field")).setTextContent("x");

        assertThat(XmlSchemas.problems(xsd(key), XmlSchemas.serialize(document))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void an_unknown_option_is_rejected(String key) throws SAXException {
        String choice = firstAnswered(key, e -> e instanceof ChoiceElement c && !c.multiple()).orElseThrow();
        Document document = XmlSchemas.parse(sampleXml(key, DemoSamples.data(key)));
        XmlSchemas.dataElement(document, choice).setTextContent("NO_SUCH_OPTION");

        assertThat(XmlSchemas.problems(xsd(key), XmlSchemas.serialize(document))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void a_missing_unconditionally_required_element_is_rejected(String key) throws SAXException {
        String required = DataField.of(DemoSamples.definition(key)).stream()
                .filter(DataField::required).map(DataField::key).findFirst().orElseThrow();
        Document document = XmlSchemas.parse(sampleXml(key, DemoSamples.data(key)));
        Element element = XmlSchemas.dataElement(document, required);
        element.getParentNode().removeChild(element);

        assertThat(XmlSchemas.problems(xsd(key), XmlSchemas.serialize(document))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void elements_out_of_definition_order_are_rejected(String key) throws SAXException {
        Document document = XmlSchemas.parse(sampleXml(key, DemoSamples.data(key)));
        Element data = XmlSchemas.data(document);
        List<Element> children = XmlSchemas.children(data);
        data.insertBefore(children.get(1), children.get(0));

        assertThat(XmlSchemas.problems(xsd(key), XmlSchemas.serialize(document))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithDateAnswers")
    void a_badly_formatted_date_is_rejected(String key) throws SAXException {
        String date = firstAnswered(key, e -> e.type() == ElementType.DATE).orElseThrow();
        for (String bad : List.of("16.03.2024", "2024-3-16", "2024-13-01")) {
            Document document = XmlSchemas.parse(sampleXml(key, DemoSamples.data(key)));
            XmlSchemas.dataElement(document, date).setTextContent(bad);

            assertThat(XmlSchemas.problems(xsd(key), XmlSchemas.serialize(document))).as(bad).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysWithGroupAnswers")
    void more_group_items_than_max_items_are_rejected(String key) throws SAXException {
        String groupKey = firstAnswered(key, e -> e instanceof GroupElement).orElseThrow();
        GroupElement group = (GroupElement) DemoSamples.definition(key).formScopeElements().stream()
                .filter(e -> e.key().equals(groupKey)).findFirst().orElseThrow();
        Document document = XmlSchemas.parse(sampleXml(key, DemoSamples.data(key)));
        Element wrapper = XmlSchemas.dataElement(document, groupKey);
        Element item = XmlSchemas.children(wrapper).get(0);
        while (XmlSchemas.children(wrapper).size() <= group.maxItemsOrDefault()) {
            wrapper.appendChild(item.cloneNode(true));
        }

        assertThat(XmlSchemas.problems(xsd(key), XmlSchemas.serialize(document))).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.formularium.definition.schema.DemoSamples#keys")
    void a_unicode_torture_value_is_written_cleaned_and_still_validates(String key) throws SAXException {
        FormDefinition definition = DemoSamples.definition(key);
        ObjectNode data = DemoSamples.data(key);
        List<String> texts = definition.formScopeElements().stream()
                .filter(e -> data.path(e.key()).isTextual())
                .filter(e -> e instanceof TextElement t && t.pattern() == null
                        && t.maxLengthOrDefault() >= TORTURE.length()
                        || e instanceof TextareaElement a && a.maxLengthOrDefault() >= TORTURE.length())
                .map(e -> e.key()).toList();
        assertThat(texts).as("free text answers").isNotEmpty();
        texts.forEach(text -> data.put(text, TORTURE));
        Optional<String> files = firstAnswered(key, e -> e.type() == ElementType.FILE);
        files.ifPresent(f -> ((ObjectNode) data.get(f).get(0)).put("name", TORTURE).put("id", "att\u0000-1\uFFFF"));
        SubmissionEnvelope envelope = new SubmissionEnvelope("REF-\u0007" + TORTURE.substring(0, 5),
                DemoSamples.envelope().submittedAt(), "de");

        byte[] xml = SubmissionXml.write(definition, VERSION, envelope, data);

        assertThat(XmlSchemas.problems(xsd(key), xml)).isEmpty();
        Document document = XmlSchemas.parse(xml);
        for (String text : texts) {
            assertThat(XmlSchemas.dataElement(document, text).getTextContent()).isEqualTo(TORTURE_CLEANED);
        }
        files.ifPresent(f -> {
            Element file = XmlSchemas.children(XmlSchemas.dataElement(document, f)).get(0);
            assertThat(file.getTextContent()).isEqualTo(TORTURE_CLEANED);
            assertThat(file.getAttribute("id")).isEqualTo("att-1");
        });
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("😀", "שלום", "€", "ß");
    }

    // ------------------------------------------------------------------ representation

    @Test
    void repeating_groups_checkboxes_files_and_addresses_have_their_shapes() {
        Document parking = XmlSchemas.parse(sampleXml("parkausweis", DemoSamples.data("parkausweis")));
        Element vehicles = XmlSchemas.dataElement(parking, "vehicles");
        assertThat(XmlSchemas.children(vehicles)).extracting(Element::getLocalName).containsExactly("item", "item");
        assertThat(XmlSchemas.children(XmlSchemas.children(vehicles).get(1)))
                .extracting(Element::getLocalName, Element::getTextContent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("license_plate", "DIN-KS 77"),
                        org.assertj.core.groups.Tuple.tuple("vehicle_make", "VW Caddy"));
        Element file = XmlSchemas.children(XmlSchemas.dataElement(parking, "registration_certificate")).get(1);
        assertThat(file.getLocalName()).isEqualTo("file");
        assertThat(file.getTextContent()).isEqualTo("zulassung_caddy.jpg");
        assertThat(file.getAttribute("id")).isEqualTo("att-3");
        assertThat(file.getAttribute("size")).isEqualTo("455120");
        assertThat(file.getAttribute("mediaType")).isEqualTo("image/jpeg");
        assertThat(file.getAttribute("sha256")).hasSize(64);
        assertThat(XmlSchemas.children(XmlSchemas.dataElement(parking, "address"))).extracting(Element::getLocalName)
                .containsExactly("street", "houseNumber", "postalCode", "city", "country");

        Document ideas = XmlSchemas.parse(sampleXml("ideen-beschwerden", DemoSamples.data("ideen-beschwerden")));
        assertThat(XmlSchemas.children(XmlSchemas.dataElement(ideas, "districts")))
                .extracting(Element::getLocalName, Element::getTextContent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("value", "VOERDE"),
                        org.assertj.core.groups.Tuple.tuple("value", "MOELLEN"));

        Document found = XmlSchemas.parse(sampleXml("fundsache", DemoSamples.data("fundsache")));
        assertThat(XmlSchemas.dataElement(found, "estimated_value").getTextContent()).isEqualTo("45.5");
        assertThat(XmlSchemas.dataElement(found, "contact_wanted").getTextContent()).isEqualTo("true");
    }

    @Test
    void fim_ids_from_element_metadata_become_attributes() throws SAXException {
        FormDefinition definition = Fixtures.bilingualForm("""
                [{'type': 'text', 'key': 'family_name', 'required': true,
                  'label': {'de': 'Familienname', 'en': 'Family name'},
                  'metadata': {'fimId': 'F60000227', 'fimVersion': '1.2'}},
                 {'type': 'address', 'key': 'address', 'label': {'de': 'Anschrift', 'en': 'Address'},
                  'metadata': {'fimId': 'G60000086', 'fimVersion': '1.4', 'note': 'other metadata stays out'}},
                 {'type': 'text', 'key': 'nickname', 'label': {'de': 'Rufname', 'en': 'Nickname'}}]""");
        JsonNode data = Fixtures.q("""
                {'family_name': 'Özdemir', 'nickname': 'Özi', 'address': {'street': 'Rathausplatz',
                 'houseNumber': '20', 'postalCode': '46562', 'city': 'Voerde (Niederrhein)', 'country': 'DE'}}""");

        byte[] xml = SubmissionXml.write(definition, 1, DemoSamples.envelope(), data);
        String xsd = SubmissionXml.deriveXsd(definition, 1);

        assertThat(XmlSchemas.problems(XmlSchemas.compile(xsd), xml)).isEmpty();
        Document document = XmlSchemas.parse(xml);
        Element familyName = XmlSchemas.dataElement(document, "family_name");
        assertThat(familyName.getAttribute("fimId")).isEqualTo("F60000227");
        assertThat(familyName.getAttribute("fimVersion")).isEqualTo("1.2");
        Element address = XmlSchemas.dataElement(document, "address");
        assertThat(address.getAttribute("fimId")).isEqualTo("G60000086");
        assertThat(address.hasAttribute("note")).isFalse();
        assertThat(XmlSchemas.dataElement(document, "nickname").hasAttributes()).isFalse();
        assertThat(xsd).contains("<xs:attribute name=\"fimId\" type=\"xs:string\"/>")
                .contains("FIM data field F60000227 version 1.2.");
        assertThat(SubmissionJsonSchema.derive(definition, 1).at("/$defs/data/required"))
                .extracting(JsonNode::asText).containsExactly("family_name");
    }

    @Test
    void numbers_are_written_in_plain_decimal_notation() throws SAXException {
        FormDefinition definition = Fixtures.bilingualForm("""
                [{'type': 'integer', 'key': 'count', 'label': {'de': 'Anzahl', 'en': 'Count'}},
                 {'type': 'number', 'key': 'big', 'label': {'de': 'Groß', 'en': 'Big'}, 'scale': 0},
                 {'type': 'currency', 'key': 'amount', 'label': {'de': 'Betrag', 'en': 'Amount'}},
                 {'type': 'computed', 'key': 'fee', 'label': {'de': 'Gebühr', 'en': 'Fee'},
                  'expression': {'*': [{'var': 'count'}, 2]}, 'format': 'currency'}]""");
        JsonNode data = Fixtures.json("{\"count\": 3.0, \"big\": 1E+20, \"amount\": 19.90, \"fee\": 6.0}");

        byte[] xml = SubmissionXml.write(definition, 1, DemoSamples.envelope(), data);

        assertThat(XmlSchemas.problems(XmlSchemas.compile(SubmissionXml.deriveXsd(definition, 1)), xml)).isEmpty();
        Document document = XmlSchemas.parse(xml);
        assertThat(XmlSchemas.dataElement(document, "count").getTextContent()).isEqualTo("3");
        assertThat(XmlSchemas.dataElement(document, "big").getTextContent()).isEqualTo("100000000000000000000");
        assertThat(XmlSchemas.dataElement(document, "amount").getTextContent()).isEqualTo("19.90");
        assertThat(XmlSchemas.dataElement(document, "fee").getTextContent()).isEqualTo("6.0");
    }

    @Test
    void data_of_the_wrong_shape_is_refused_with_its_path() {
        FormDefinition definition = DemoSamples.definition("parkausweis");
        ObjectNode data = DemoSamples.data("parkausweis");
        ((ObjectNode) data.get("vehicles").get(1)).putObject("license_plate").put("nested", true);

        assertThatThrownBy(() -> SubmissionXml.write(definition, 1, DemoSamples.envelope(), data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vehicles[1].license_plate");
    }

    @Test
    void unknown_keys_and_null_values_are_left_out() {
        ObjectNode data = DemoSamples.data("buecherwunsch").put("no_such_field", "x").putNull("phone");

        Document document = XmlSchemas.parse(sampleXml("buecherwunsch", data));

        assertThat(XmlSchemas.children(XmlSchemas.data(document))).extracting(Element::getLocalName)
                .doesNotContain("no_such_field", "phone");
    }

    // ------------------------------------------------------------------ helpers

    static Stream<String> keysWithDateAnswers() {
        return DemoSamples.keys().stream().filter(key -> firstAnswered(key, e -> e.type() == ElementType.DATE)
                .isPresent());
    }

    static Stream<String> keysWithGroupAnswers() {
        return DemoSamples.keys().stream().filter(key -> firstAnswered(key, e -> e instanceof GroupElement)
                .isPresent());
    }

    private static byte[] sampleXml(String key, JsonNode data) {
        return SubmissionXml.write(DemoSamples.definition(key), VERSION, DemoSamples.envelope(), data);
    }

    private static Schema xsd(String key) throws SAXException {
        return XmlSchemas.compile(SubmissionXml.deriveXsd(DemoSamples.definition(key), VERSION));
    }

    /** The first input at form scope that the sample answers and that matches. */
    private static Optional<String> firstAnswered(String key, Predicate<InputElement> filter) {
        JsonNode data = DemoSamples.data(key);
        return DemoSamples.definition(key).formScopeElements().stream()
                .filter(InputElement.class::isInstance).map(InputElement.class::cast)
                .filter(e -> data.has(e.key()))
                .filter(filter)
                .map(InputElement::key)
                .findFirst();
    }
}
