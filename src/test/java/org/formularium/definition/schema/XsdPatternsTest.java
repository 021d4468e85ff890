package org.formularium.definition.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.DefinitionParser;
import org.formularium.definition.Fixtures;
import org.formularium.definition.model.FormDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

class XsdPatternsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "^[0-9]{6,10}$ => [0-9]{6,10}",
            "^(97[89]-?)?([0-9]-?){9}[0-9X]$ => (97[89]-?)?([0-9]-?){9}[0-9X]",
            "^[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2} ?[1-9][0-9]{0,3}[EH]?$"
                    + " => [A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2} ?[1-9][0-9]{0,3}[EH]?",
            "^([01][0-9]|2[0-3]):[0-5][0-9]$ => ([01][0-9]|2[0-3]):[0-5][0-9]",
            "^https://[^\\s]+$ => https://[^\\s]+",
            "^[A-Za-z&]+$ => [A-Za-z&]+"})
    void anchored_plain_java_patterns_become_xsd_patterns(String java, String xsd) throws SAXException {
        assertThat(XsdPatterns.fromJava(java)).contains(xsd);

        ObjectNode form = Fixtures.minimalForm("[{'type': 'text', 'key': 'code', 'label': {'de': 'Code'}}]");
        ((ObjectNode) form.at("/pages/0/elements/0")).put("pattern", java);
        FormDefinition definition = DefinitionParser.parse(form).definitionOrThrow();
        assertThat(XmlSchemas.compile(SubmissionXml.deriveXsd(definition, 1))).as("compiles as XSD").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[0-9]+",            // not anchored: Java find() semantics differ from XSD's whole-value match
            "^[0-9]+",
            "^a|b$",             // top-level alternation binds the anchors differently
            "^(?:ab)+$",         // non-capturing group
            "^(?i)abc$",         // inline flag
            "^\\w+$",            // \w excludes '_' in XSD
            "^\\bword\\b$",
            "^(a)\\1$",          // back reference
            "^a+?$",             // lazy quantifier
            "^a++$",             // possessive quantifier
            "^[a-z&&[^x]]$",     // class intersection
            "^\\p{Alpha}+$",
            "^a\\$$",            // escaped dollar does not exist in XSD
            "^\\Qa.b\\E$"})
    void other_patterns_are_left_to_the_server(String java) {
        assertThat(XsdPatterns.fromJava(java)).isEmpty();
    }
}
