package org.formularium.definition.schema;

import static org.formularium.definition.schema.SubmissionDocument.DATA;
import static org.formularium.definition.schema.SubmissionDocument.FORM;
import static org.formularium.definition.schema.SubmissionDocument.KEY;
import static org.formularium.definition.schema.SubmissionDocument.LANGUAGE;
import static org.formularium.definition.schema.SubmissionDocument.REFERENCE;
import static org.formularium.definition.schema.SubmissionDocument.SUBMITTED_AT;
import static org.formularium.definition.schema.SubmissionDocument.VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.InputElement;

/**
 * The XML representation of a submission and its XSD. Namespace {@code urn:formularium:form:<key>:v<version>};
 * element names are the definition's keys:
 *
 * <pre>{@code
 * <submission xmlns="urn:formularium:form:parkausweis:v3">
 *   <form key="parkausweis" version="3"/>
 *   <reference>…</reference> <submittedAt>2026-05-04T10:15:00+02:00</submittedAt> <language>de</language>
 *   <data>
 *     <first_name fimId="F60000227" fimVersion="1.2">Björn</first_name>
 *     <districts><value>VOERDE</value><value>MOELLEN</value></districts>
 *     <address><street>…</street><houseNumber>…</houseNumber><postalCode>…</postalCode>…</address>
 *     <photo><file id="att-2" sha256="…" size="412376" mediaType="image/jpeg">passfoto.jpg</file></photo>
 *     <vehicles><item><license_plate>WES-DK 412</license_plate></item></vehicles>
 *   </data>
 * </submission>
 * }</pre>
 *
 * <p>{@code data} holds one element per answered input in definition order (sections are transparent).
 * {@code fimId}/{@code fimVersion} attributes come from the element's {@code metadata}, those of {@code form} from
 * the form's (the id and version of an imported XDatenfelder schema). Text is written through
 * StAX; characters XML 1.0 forbids are removed first ({@link XmlChars#clean}).
 */
public final class SubmissionXml {

    /** Metadata key of the FIM data field id, written as the attribute of the same name. */
    public static final String FIM_ID = "fimId";
    /** Metadata key of the FIM data field version, written as the attribute of the same name. */
    public static final String FIM_VERSION = "fimVersion";

    private SubmissionXml() {
    }

    /** {@code urn:formularium:form:<key>:v<version>}. */
    public static String namespace(FormDefinition definition, int version) {
        return SubmissionDocument.urn(definition, version);
    }

    /** The XSD (1.0) of the XML written by {@link #write} for this form version. */
    public static String deriveXsd(FormDefinition definition, int version) {
        return new XsdBuilder(definition, version).build();
    }

    /**
     * The submission as UTF-8 XML. Keys of {@code data} that the definition does not know are left out, as are
     * {@code null} values.
     *
     * @param data the cleaned submission data (a JSON object keyed by element keys)
     * @throws IllegalArgumentException when the data does not have the shape the definition gives it (for
     *                                  example an object where a single value belongs)
     */
    public static byte[] write(FormDefinition definition, int version, SubmissionEnvelope envelope, JsonNode data) {
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new IllegalArgumentException("Submission data must be a JSON object, got " + data.getNodeType());
        }
        String ns = namespace(definition, version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOut out = new XmlOut(bytes)) {
            out.defaultNamespace(ns);
            out.start(ns, "submission").declare("", ns);
            out.empty(ns, FORM).attribute(KEY, definition.key()).attribute(VERSION, String.valueOf(version));
            fim(out, definition.metadata());
            out.element(ns, REFERENCE, envelope.reference());
            out.element(ns, SUBMITTED_AT, SubmissionDocument.timestamp(envelope.submittedAt()));
            out.element(ns, LANGUAGE, envelope.language());
            out.start(ns, DATA);
            new DataWriter(out, ns).fields(DataField.of(definition), data, "");
            out.end().end();
            out.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the XML of a " + definition.key() + " submission", e);
        }
        return bytes.toByteArray();
    }

    /** The {@code fimId}/{@code fimVersion} attributes of the open start tag, when the metadata names them. */
    private static void fim(XmlOut out, Map<String, String> metadata) throws XMLStreamException {
        if (metadata != null) {
            out.attribute(FIM_ID, metadata.get(FIM_ID)).attribute(FIM_VERSION, metadata.get(FIM_VERSION));
        }
    }

    /** Writes data elements, one small case per element type. */
    private record DataWriter(XmlOut out, String ns) {

        private static final List<String> ADDRESS_PARTS = List.of("street", "houseNumber", "postalCode", "city",
                "country");
        private static final List<String> FILE_ATTRIBUTES = List.of("id", "sha256", "size", "mediaType");

        void fields(List<DataField> fields, JsonNode object, String path) throws XMLStreamException {
            if (object == null) {
                return;
            }
            for (DataField field : fields) {
                JsonNode value = object.get(field.key());
                if (value != null && !value.isNull()) {
                    field(field, value, path + field.key());
                }
            }
        }

        private void field(DataField field, JsonNode value, String path) throws XMLStreamException {
            InputElement element = field.element();
            out.start(ns, element.key());
            fim(out, element.metadata());
            switch (element.type()) {
                case ADDRESS -> {
                    requireObject(value, path);
                    for (String part : ADDRESS_PARTS) {
                        JsonNode partValue = value.get(part);
                        if (partValue != null && !partValue.isNull()) {
                            out.element(ns, part, scalar(partValue, path + "." + part));
                        }
                    }
                }
                case CHOICE -> {
                    if (((ChoiceElement) element).multiple()) {
                        for (JsonNode option : elements(value)) {
                            out.element(ns, "value", scalar(option, path + "[]"));
                        }
                    } else {
                        out.text(scalar(value, path));
                    }
                }
                case FILE -> {
                    int index = 0;
                    for (JsonNode file : elements(value)) {
                        String filePath = path + "[" + index++ + "]";
                        requireObject(file, filePath);
                        out.start(ns, "file");
                        for (String attribute : FILE_ATTRIBUTES) {
                            JsonNode attributeValue = file.get(attribute);
                            out.attribute(attribute, attributeValue == null || attributeValue.isNull() ? null
                                    : scalar(attributeValue, filePath + "." + attribute));
                        }
                        JsonNode name = file.get("name");
                        out.text(name == null || name.isNull() ? "" : scalar(name, filePath + ".name")).end();
                    }
                }
                case GROUP -> {
                    int index = 0;
                    for (JsonNode item : elements(value)) {
                        String itemPath = path + "[" + index++ + "]";
                        requireObject(item, itemPath);
                        out.start(ns, "item");
                        fields(field.children(), item, itemPath + ".");
                        out.end();
                    }
                }
                case INTEGER -> out.text(integer(value, path));
                case COMPUTED, HIDDEN -> out.text(value.isContainerNode() ? value.toString() : scalar(value, path));
                default -> out.text(scalar(value, path));
            }
            out.end();
        }

        /** The items of an array; a single value counts as a one-item list. */
        private static Iterable<JsonNode> elements(JsonNode value) {
            return value.isArray() ? value : List.of(value);
        }

        private static void requireObject(JsonNode value, String path) {
            if (!value.isObject()) {
                throw new IllegalArgumentException("Expected an object at " + path + ", got " + value.getNodeType());
            }
        }

        /** A single value as XML text: numbers in plain decimal notation, booleans as true/false. */
        private static String scalar(JsonNode value, String path) {
            if (value.isContainerNode()) {
                throw new IllegalArgumentException("Expected a single value at " + path + ", got "
                        + value.getNodeType());
            }
            if (value.isNumber()) {
                return value.decimalValue().toPlainString();
            }
            return value.asText();
        }

        /** An integer without decimal point when it has no fraction (1.0 → 1). */
        private static String integer(JsonNode value, String path) {
            if (value.isNumber()) {
                BigDecimal decimal = value.decimalValue();
                try {
                    return decimal.toBigIntegerExact().toString();
                } catch (ArithmeticException e) {
                    return decimal.toPlainString();
                }
            }
            return scalar(value, path);
        }
    }
}
