package org.formularium.definition.schema;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.formularium.definition.model.AddressElement;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.DateElement;
import org.formularium.definition.model.EmailElement;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.IbanElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.IntegerElement;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.model.TextareaElement;

/** Writes the XSD of {@link SubmissionXml}. One instance per schema. */
final class XsdBuilder {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    static final String STRING_VALUE = "StringValue";
    static final String DECIMAL_VALUE = "DecimalValue";
    static final String INTEGER_VALUE = "IntegerValue";
    static final String DATE_VALUE = "DateValue";
    static final String BOOLEAN_VALUE = "BooleanValue";

    /** A constraining facet such as {@code maxLength=200}. */
    private record Facet(String name, String value) {
    }

    /** A value element: its base type (one of the *Value types) and facets. */
    private record Leaf(String base, List<Facet> facets) {
    }

    private final FormDefinition definition;
    private final int version;
    private final String namespace;
    private XmlOut out;

    XsdBuilder(FormDefinition definition, int version) {
        this.definition = definition;
        this.version = version;
        this.namespace = SubmissionDocument.urn(definition, version);
    }

    String build() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOut xml = new XmlOut(bytes)) {
            out = xml;
            out.prefix("xs", XS).prefix("f", namespace);
            xs("schema").declare("xs", XS).declare("f", namespace)
                    .attribute("targetNamespace", namespace)
                    .attribute("elementFormDefault", "qualified")
                    .attribute("attributeFormDefault", "unqualified")
                    .attribute("version", String.valueOf(version));
            documentation(definition.title().get("de") + " (Version " + version + ")",
                    "Submission of the form '" + definition.title().get("en") + "' (" + definition.key()
                            + ", version " + version + "). Elements of data follow the definition order; an element"
                            + " is present when the question was answered. Cross-field rules, conditional"
                            + " visibility and requiredness, and dates relative to today are checked by the"
                            + " server, not by this schema.");
            submission();
            xs("complexType").attribute("name", "Data");
            xs("sequence");
            for (DataField field : DataField.of(definition)) {
                field(field);
            }
            out.end().end();
            sharedTypes();
            out.end();
            out.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the XSD of " + definition.key(), e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void submission() throws XMLStreamException {
        xs("element").attribute("name", "submission");
        xs("complexType");
        xs("sequence");

        xs("element").attribute("name", SubmissionDocument.FORM);
        xs("complexType");
        xsEmpty("attribute").attribute("name", SubmissionDocument.KEY).attribute("type", "xs:string")
                .attribute("use", "required").attribute("fixed", definition.key());
        xsEmpty("attribute").attribute("name", SubmissionDocument.VERSION).attribute("type", "xs:positiveInteger")
                .attribute("use", "required").attribute("fixed", String.valueOf(version));
        xsEmpty("attributeGroup").attribute("ref", "f:fim");
        out.end().end();

        xs("element").attribute("name", SubmissionDocument.REFERENCE);
        simpleType("xs:string", List.of(new Facet("minLength", "1")));
        out.end();
        xsEmpty("element").attribute("name", SubmissionDocument.SUBMITTED_AT).attribute("type", "xs:dateTime");
        xs("element").attribute("name", SubmissionDocument.LANGUAGE);
        simpleType("xs:string", definition.languages().stream().map(l -> new Facet("enumeration", l)).toList());
        out.end();
        xsEmpty("element").attribute("name", SubmissionDocument.DATA).attribute("type", "f:Data");

        out.end().end().end();
    }

    private void field(DataField field) throws XMLStreamException {
        InputElement element = field.element();
        Leaf leaf = leaf(field);
        xs("element").attribute("name", element.key());
        if (!field.required()) {
            out.attribute("minOccurs", "0");
        }
        if (leaf != null && leaf.facets().isEmpty()) {
            out.attribute("type", "f:" + leaf.base());
        }
        documentation(element.label().get("de"), english(field));
        if (leaf != null) {
            if (!leaf.facets().isEmpty()) {
                xs("complexType");
                xs("simpleContent");
                xs("restriction").attribute("base", "f:" + leaf.base());
                facets(leaf.facets());
                out.end().end().end();
            }
            out.end();
            return;
        }
        xs("complexType");
        xs("sequence");
        switch (element.type()) {
            case ADDRESS -> address((AddressElement) element);
            case CHOICE -> checkboxes((ChoiceElement) element, field.required());
            case FILE -> {
                FileElement file = (FileElement) element;
                int min = file.minFilesOrDefault(field.required());
                xsEmpty("element").attribute("name", "file").attribute("type", "f:File")
                        .attribute("minOccurs", String.valueOf(min))
                        .attribute("maxOccurs", String.valueOf(Math.max(min, file.maxFilesOrDefault())));
            }
            case GROUP -> {
                GroupElement group = (GroupElement) element;
                xs("element").attribute("name", "item")
                        .attribute("minOccurs", String.valueOf(group.minItemsOrDefault()))
                        .attribute("maxOccurs",
                                String.valueOf(Math.max(group.minItemsOrDefault(), group.maxItemsOrDefault())));
                if (group.itemLabel() != null) {
                    documentation(group.itemLabel().get("de"), group.itemLabel().get("en"));
                }
                xs("complexType");
                xs("sequence");
                for (DataField child : field.children()) {
                    field(child);
                }
                out.end().end().end();
            }
            default -> throw new IllegalStateException("No XSD for " + element.type());
        }
        out.end();
        xsEmpty("attributeGroup").attribute("ref", "f:fim");
        out.end().end();
    }

    /** The value type of a single-valued element, {@code null} for structured ones. */
    private Leaf leaf(DataField field) {
        InputElement element = field.element();
        List<Facet> facets = new ArrayList<>();
        switch (element.type()) {
            case TEXT -> {
                TextElement text = (TextElement) element;
                length(facets, text.minLength(), text.maxLengthOrDefault());
                XsdPatterns.fromJava(text.pattern()).ifPresent(p -> facets.add(new Facet("pattern", p)));
                return new Leaf(STRING_VALUE, facets);
            }
            case TEXTAREA -> {
                TextareaElement textarea = (TextareaElement) element;
                length(facets, textarea.minLength(), textarea.maxLengthOrDefault());
                return new Leaf(STRING_VALUE, facets);
            }
            case EMAIL -> {
                length(facets, null, ((EmailElement) element).maxLengthOrDefault());
                facets.add(new Facet("pattern", "[^@\\s]+@[^@\\s]+"));
                return new Leaf(STRING_VALUE, facets);
            }
            case PHONE -> {
                length(facets, 5, 25);
                facets.add(new Facet("pattern", "[ +/()\\-]*([0-9][ +/()\\-]*){5,}"));
                return new Leaf(STRING_VALUE, facets);
            }
            case IBAN -> {
                String pattern = SubmissionJsonSchema.ibanPattern((IbanElement) element);
                facets.add(new Facet("pattern", pattern.substring(1, pattern.length() - 1)));
                return new Leaf(STRING_VALUE, facets);
            }
            case DATE -> {
                DateElement date = (DateElement) element;
                if (date.minDate() != null && ISO_DATE.matcher(date.minDate()).matches()) {
                    facets.add(new Facet("minInclusive", date.minDate()));
                }
                if (date.maxDate() != null && ISO_DATE.matcher(date.maxDate()).matches()) {
                    facets.add(new Facet("maxInclusive", date.maxDate()));
                }
                return new Leaf(DATE_VALUE, facets);
            }
            case NUMBER -> {
                NumberElement number = (NumberElement) element;
                range(facets, number.min(), number.max());
                facets.add(new Facet("fractionDigits", String.valueOf(number.scaleOrDefault())));
                return new Leaf(DECIMAL_VALUE, facets);
            }
            case CURRENCY -> {
                CurrencyElement currency = (CurrencyElement) element;
                range(facets, currency.min(), currency.max());
                facets.add(new Facet("fractionDigits", "2"));
                return new Leaf(DECIMAL_VALUE, facets);
            }
            case INTEGER -> {
                IntegerElement integer = (IntegerElement) element;
                if (integer.min() != null) {
                    facets.add(new Facet("minInclusive", integer.min().toString()));
                }
                if (integer.max() != null) {
                    facets.add(new Facet("maxInclusive", integer.max().toString()));
                }
                return new Leaf(INTEGER_VALUE, facets);
            }
            case CHOICE -> {
                ChoiceElement choice = (ChoiceElement) element;
                if (choice.multiple()) {
                    return null;
                }
                options(choice).forEach(o -> facets.add(new Facet("enumeration", o.value())));
                return new Leaf(STRING_VALUE, facets);
            }
            case YESNO -> {
                return new Leaf(BOOLEAN_VALUE, facets);
            }
            case CONSENT -> {
                if (field.required()) {
                    facets.add(new Facet("pattern", "true"));
                }
                return new Leaf(BOOLEAN_VALUE, facets);
            }
            case COMPUTED -> {
                return new Leaf(STRING_VALUE, facets);
            }
            case HIDDEN -> {
                return new Leaf(hiddenType((HiddenElement) element), facets);
            }
            default -> {
                return null;
            }
        }
    }

    /** The value type of a hidden element: that of its fixed value, text for expressions and structures. */
    static String hiddenType(HiddenElement hidden) {
        if (hidden.value() == null) {
            return STRING_VALUE;
        } else if (hidden.value().isIntegralNumber()) {
            return INTEGER_VALUE;
        } else if (hidden.value().isNumber()) {
            return DECIMAL_VALUE;
        } else if (hidden.value().isBoolean()) {
            return BOOLEAN_VALUE;
        }
        return STRING_VALUE;
    }

    private void address(AddressElement address) throws XMLStreamException {
        xs("element").attribute("name", "street");
        simpleType("xs:string", List.of(new Facet("minLength", "1")));
        out.end();
        xs("element").attribute("name", "houseNumber");
        if (!address.requireHouseNumberOrTrue()) {
            out.attribute("minOccurs", "0");
        }
        simpleType("xs:string", List.of(new Facet("minLength", "1")));
        out.end();
        xs("element").attribute("name", "postalCode");
        simpleType("xs:string", address.countriesOrDefault().equals(List.of("DE"))
                ? List.of(new Facet("pattern", "[0-9]{5}")) : List.of(new Facet("minLength", "1")));
        out.end();
        xs("element").attribute("name", "city");
        simpleType("xs:string", List.of(new Facet("minLength", "1")));
        out.end();
        xs("element").attribute("name", "country");
        simpleType("xs:string", address.countriesOrDefault().stream().map(c -> new Facet("enumeration", c)).toList());
        out.end();
    }

    private void checkboxes(ChoiceElement choice, boolean required) throws XMLStreamException {
        List<Option> options = options(choice);
        int min = choice.minSelected() != null ? choice.minSelected() : required ? 1 : 0;
        int max = choice.maxSelected() != null ? choice.maxSelected() : options.size();
        xs("element").attribute("name", "value")
                .attribute("minOccurs", String.valueOf(min))
                .attribute("maxOccurs", String.valueOf(Math.max(min, max)));
        simpleType("xs:string", options.stream().map(o -> new Facet("enumeration", o.value())).toList());
        out.end();
    }

    private void sharedTypes() throws XMLStreamException {
        xs("attributeGroup").attribute("name", "fim");
        documentation("FIM-Stammdaten des Elements (Datenfeld-ID und Version), wenn die Definition sie nennt.",
                "FIM metadata of the element (data field id and version) when the definition names them.");
        xsEmpty("attribute").attribute("name", "fimId").attribute("type", "xs:string");
        xsEmpty("attribute").attribute("name", "fimVersion").attribute("type", "xs:string");
        out.end();
        for (Map.Entry<String, String> type : Map.of(STRING_VALUE, "xs:string", DECIMAL_VALUE, "xs:decimal",
                INTEGER_VALUE, "xs:integer", DATE_VALUE, "xs:date", BOOLEAN_VALUE, "xs:boolean").entrySet()
                .stream().sorted(Map.Entry.comparingByKey()).toList()) {
            xs("complexType").attribute("name", type.getKey());
            xs("simpleContent");
            xs("extension").attribute("base", type.getValue());
            xsEmpty("attributeGroup").attribute("ref", "f:fim");
            out.end().end().end();
        }
        xs("simpleType").attribute("name", "Sha256");
        restriction("xs:string", List.of(new Facet("pattern", "[0-9a-f]{64}")));
        out.end();
        xs("simpleType").attribute("name", "MediaType");
        restriction("xs:string", List.of(new Facet("pattern", "[a-z]+/[a-z0-9][a-z0-9.+\\-]*")));
        out.end();
        xs("complexType").attribute("name", "File");
        documentation("Eine hochgeladene Datei; der Inhalt ist der Dateiname.",
                "An uploaded file; the content is its file name.");
        xs("simpleContent");
        xs("extension").attribute("base", "xs:string");
        xsEmpty("attribute").attribute("name", "id").attribute("type", "xs:string").attribute("use", "required");
        xsEmpty("attribute").attribute("name", "sha256").attribute("type", "f:Sha256").attribute("use", "required");
        xsEmpty("attribute").attribute("name", "size").attribute("type", "xs:nonNegativeInteger")
                .attribute("use", "required");
        xsEmpty("attribute").attribute("name", "mediaType").attribute("type", "f:MediaType")
                .attribute("use", "required");
        out.end().end().end();
    }

    private List<Option> options(ChoiceElement choice) {
        return definition.optionsOf(choice);
    }

    private static void length(List<Facet> facets, Integer min, Integer max) {
        if (min != null) {
            facets.add(new Facet("minLength", min.toString()));
        }
        if (max != null) {
            facets.add(new Facet("maxLength", max.toString()));
        }
    }

    private static void range(List<Facet> facets, BigDecimal min, BigDecimal max) {
        if (min != null) {
            facets.add(new Facet("minInclusive", min.toPlainString()));
        }
        if (max != null) {
            facets.add(new Facet("maxInclusive", max.toPlainString()));
        }
    }

    private static String english(DataField field) {
        String text = field.description();
        Map<String, String> metadata = field.element().metadata();
        if (metadata != null && metadata.containsKey(SubmissionXml.FIM_ID)) {
            text = DataField.append(text, "FIM data field " + metadata.get(SubmissionXml.FIM_ID)
                    + (metadata.containsKey(SubmissionXml.FIM_VERSION)
                    ? " version " + metadata.get(SubmissionXml.FIM_VERSION) : "") + ".");
        }
        return text;
    }

    private void simpleType(String base, List<Facet> facets) throws XMLStreamException {
        xs("simpleType");
        restriction(base, facets);
        out.end();
    }

    private void restriction(String base, List<Facet> facets) throws XMLStreamException {
        xs("restriction").attribute("base", base);
        facets(facets);
        out.end();
    }

    private void facets(List<Facet> facets) throws XMLStreamException {
        for (Facet facet : facets) {
            xsEmpty(facet.name()).attribute("value", facet.value());
        }
    }

    private void documentation(String german, String english) throws XMLStreamException {
        xs("annotation");
        xs("documentation").attribute("xml", XMLConstants.XML_NS_URI, "lang", "de").text(german).end();
        xs("documentation").attribute("xml", XMLConstants.XML_NS_URI, "lang", "en").text(english).end();
        out.end();
    }

    private XmlOut xs(String localName) throws XMLStreamException {
        return out.start(XS, localName);
    }

    private XmlOut xsEmpty(String localName) throws XMLStreamException {
        return out.empty(XS, localName);
    }
}
