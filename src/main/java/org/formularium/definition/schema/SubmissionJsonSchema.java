package org.formularium.definition.schema;

import static org.formularium.definition.schema.SubmissionDocument.DATA;
import static org.formularium.definition.schema.SubmissionDocument.FORM;
import static org.formularium.definition.schema.SubmissionDocument.KEY;
import static org.formularium.definition.schema.SubmissionDocument.LANGUAGE;
import static org.formularium.definition.schema.SubmissionDocument.REFERENCE;
import static org.formularium.definition.schema.SubmissionDocument.SUBMITTED_AT;
import static org.formularium.definition.schema.SubmissionDocument.VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.formularium.definition.DefinitionJson;
import org.formularium.definition.model.AddressElement;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.ComputedElement;
import org.formularium.definition.model.ConsentElement;
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

/**
 * Derives the JSON Schema (2020-12) of the submission document of one form version:
 * {@code {"form": {"key", "version"}, "reference", "submittedAt", "language", "data"}}. The schema of
 * {@code data} alone is {@code <$id>#/$defs/data}.
 *
 * <p>The schema is static: it checks types, formats, lengths, ranges, options, item counts and which keys
 * must always be there. It cannot check what depends on other answers ({@code visibleIf}, {@code requiredIf},
 * cross-field rules) or on the day ({@code today}-relative dates); the affected properties say so in their
 * {@code description}. Every object is closed ({@code additionalProperties: false}).
 */
public final class SubmissionJsonSchema {

    /** The dialect every derived schema declares. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    /** A {@code YYYY-MM-DD} date, checked even where {@code format} is only an annotation. */
    static final String DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
    /** An RFC 3339 timestamp with seconds and offset. */
    static final String DATE_TIME_PATTERN =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";
    /** Loose e-mail shape: something, one {@code @}, something, no spaces. */
    static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+$";
    /** Phone: digits, spaces and {@code + - / ( )} with at least five digits (length 5 to 25 separately). */
    static final String PHONE_PATTERN = "^[ +/()-]*([0-9][ +/()-]*){5,}$";
    /** Lower-case hex SHA-256. */
    static final String SHA256_PATTERN = "^[0-9a-f]{64}$";
    /** German postal code. */
    static final String DE_POSTAL_CODE_PATTERN = "^[0-9]{5}$";

    private SubmissionJsonSchema() {
    }

    /** {@code urn:formularium:form:<key>:v<version>:schema.json}. */
    public static String id(FormDefinition definition, int version) {
        return SubmissionDocument.urn(definition, version) + ":schema.json";
    }

    /** The JSON Schema of the submission document of this form version. */
    public static ObjectNode derive(FormDefinition definition, int version) {
        ObjectNode schema = object();
        schema.put("$schema", DIALECT);
        schema.put("$id", id(definition, version));
        schema.put("title", definition.title().get("de") + " (Version " + version + ")");
        schema.put("description", "Submission of the form '" + definition.title().get("en") + "' ("
                + definition.key() + ", version " + version + "). Cross-field rules, conditional visibility and"
                + " requiredness, and dates relative to today are checked by the server, not by this schema.");
        schema.put("type", "object");
        strings(schema.putArray("required"), FORM, REFERENCE, SUBMITTED_AT, LANGUAGE, DATA);
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");

        ObjectNode form = properties.putObject(FORM);
        form.put("description", "The form and the version the submission was made with.");
        form.put("type", "object");
        strings(form.putArray("required"), KEY, VERSION);
        form.put("additionalProperties", false);
        ObjectNode formProperties = form.putObject("properties");
        formProperties.putObject(KEY).put("const", definition.key());
        formProperties.putObject(VERSION).put("const", version);

        properties.putObject(REFERENCE)
                .put("description", "Reference number of the submission.")
                .put("type", "string")
                .put("minLength", 1);
        properties.putObject(SUBMITTED_AT)
                .put("description", "When the submission was accepted (RFC 3339).")
                .put("type", "string")
                .put("format", "date-time")
                .put("pattern", DATE_TIME_PATTERN);
        ObjectNode language = properties.putObject(LANGUAGE)
                .put("description", "The language the citizen used.")
                .put("type", "string");
        strings(language.putArray("enum"), definition.languages().toArray(String[]::new));
        properties.putObject(DATA).put("$ref", "#/$defs/data");

        ObjectNode data = schema.putObject("$defs").putObject(DATA);
        data.put("title", definition.title().get("de"));
        data.put("description", "The answers of '" + definition.title().get("en")
                + "', one property per input element (sections are transparent, repeating groups are arrays).");
        data.setAll(objectOf(DataField.of(definition), definition));
        return schema;
    }

    private static ObjectNode objectOf(List<DataField> fields, FormDefinition definition) {
        ObjectNode schema = object();
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (DataField field : fields) {
            properties.set(field.key(), fieldSchema(field, definition));
            if (field.required()) {
                required.add(field.key());
            }
        }
        if (required.isEmpty()) {
            schema.remove("required");
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode fieldSchema(DataField field, FormDefinition definition) {
        InputElement element = field.element();
        ObjectNode schema = object();
        schema.put("title", element.label().get("de"));
        schema.put("description", field.description());
        switch (element.type()) {
            case TEXT -> {
                TextElement text = (TextElement) element;
                string(schema, text.minLength(), text.maxLengthOrDefault());
                if (text.pattern() != null) {
                    schema.put("pattern", text.pattern());
                }
            }
            case TEXTAREA -> {
                TextareaElement textarea = (TextareaElement) element;
                string(schema, textarea.minLength(), textarea.maxLengthOrDefault());
            }
            case EMAIL -> {
                string(schema, null, ((EmailElement) element).maxLengthOrDefault());
                schema.put("format", "email");
                schema.put("pattern", EMAIL_PATTERN);
            }
            case PHONE -> string(schema, 5, 25).put("pattern", PHONE_PATTERN);
            case IBAN -> string(schema, null, null).put("pattern", ibanPattern((IbanElement) element));
            case DATE -> {
                string(schema, null, null).put("format", "date").put("pattern", DATE_PATTERN);
                DateElement date = (DateElement) element;
                if (date.minDate() != null || date.maxDate() != null) {
                    describe(schema, "Allowed dates: from "
                            + (date.minDate() == null ? "any" : date.minDate()) + " to "
                            + (date.maxDate() == null ? "any" : date.maxDate()) + " (checked by the server).");
                }
            }
            case NUMBER -> {
                NumberElement number = (NumberElement) element;
                schema.put("type", "number");
                range(schema, number.min(), number.max());
                schema.put("multipleOf", BigDecimal.ONE.movePointLeft(number.scaleOrDefault()));
            }
            case INTEGER -> {
                IntegerElement integer = (IntegerElement) element;
                schema.put("type", "integer");
                if (integer.min() != null) {
                    schema.put("minimum", integer.min());
                }
                if (integer.max() != null) {
                    schema.put("maximum", integer.max());
                }
            }
            case CURRENCY -> {
                CurrencyElement currency = (CurrencyElement) element;
                schema.put("type", "number");
                range(schema, currency.min(), currency.max());
                schema.put("multipleOf", new BigDecimal("0.01"));
                describe(schema, "Amount in " + currency.currencyCodeOrDefault() + ", at most two decimal places.");
            }
            case ADDRESS -> address(schema, (AddressElement) element);
            case CHOICE -> choice(schema, (ChoiceElement) element, field.required(), definition);
            case YESNO -> schema.put("type", "boolean");
            case CONSENT -> {
                schema.put("type", "boolean");
                if (field.required()) {
                    schema.put("const", true);
                }
                describe(schema, "Statement: " + ((ConsentElement) element).statement().get("en"));
            }
            case FILE -> files(schema, (FileElement) element, field.required());
            case GROUP -> {
                GroupElement group = (GroupElement) element;
                schema.put("type", "array");
                schema.put("minItems", group.minItemsOrDefault());
                schema.put("maxItems", group.maxItemsOrDefault());
                ObjectNode item = schema.putObject("items");
                if (group.itemLabel() != null) {
                    item.put("title", group.itemLabel().get("de"));
                    item.put("description", group.itemLabel().get("en"));
                }
                item.setAll(objectOf(field.children(), definition));
            }
            case COMPUTED -> {
                anyScalar(schema);
                schema.put("readOnly", true);
                describe(schema,
                        "Computed by the server (format " + ((ComputedElement) element).formatOrDefault() + ").");
            }
            case HIDDEN -> {
                HiddenElement hidden = (HiddenElement) element;
                if (hidden.value() != null && !hidden.value().isNull()) {
                    schema.put("type", jsonType(hidden.value()));
                    schema.set("default", hidden.value().deepCopy());
                } else {
                    anyScalar(schema);
                }
                schema.put("readOnly", true);
            }
            default -> throw new IllegalStateException("Not an input type: " + element.type());
        }
        return schema;
    }

    private static void describe(ObjectNode schema, String sentence) {
        schema.put("description", DataField.append(schema.path("description").asText(), sentence));
    }

    private static ObjectNode string(ObjectNode schema, Integer minLength, Integer maxLength) {
        schema.put("type", "string");
        if (minLength != null) {
            schema.put("minLength", minLength);
        }
        if (maxLength != null) {
            schema.put("maxLength", maxLength);
        }
        return schema;
    }

    private static void range(ObjectNode schema, BigDecimal min, BigDecimal max) {
        if (min != null) {
            schema.put("minimum", min);
        }
        if (max != null) {
            schema.put("maximum", max);
        }
    }

    static String ibanPattern(IbanElement iban) {
        String countries = iban.countries() == null || iban.countries().isEmpty()
                ? "[A-Z]{2}" : "(" + String.join("|", iban.countries()) + ")";
        return "^" + countries + "[0-9]{2}[A-Z0-9]{11,30}$";
    }

    private static void address(ObjectNode schema, AddressElement address) {
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        strings(required, "street");
        if (address.requireHouseNumberOrTrue()) {
            required.add("houseNumber");
        }
        strings(required, "postalCode", "city", "country");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("street").put("type", "string").put("minLength", 1);
        properties.putObject("houseNumber").put("type", "string").put("minLength", 1);
        properties.putObject("postalCode").put("type", "string").put("minLength", 1);
        properties.putObject("city").put("type", "string").put("minLength", 1);
        ObjectNode country = properties.putObject("country")
                .put("description", "ISO 3166-1 alpha-2").put("type", "string");
        strings(country.putArray("enum"), address.countriesOrDefault().toArray(String[]::new));
        schema.put("additionalProperties", false);
        if (address.countriesOrDefault().contains("DE")) {
            if (address.countriesOrDefault().size() == 1) {
                ((ObjectNode) properties.get("postalCode")).put("pattern", DE_POSTAL_CODE_PATTERN);
            } else {
                ObjectNode condition = object();
                condition.putObject("properties").putObject("country").put("const", "DE");
                schema.set("if", condition);
                ObjectNode then = object();
                then.putObject("properties").putObject("postalCode").put("pattern", DE_POSTAL_CODE_PATTERN);
                schema.set("then", then);
            }
        }
    }

    private static void choice(ObjectNode schema, ChoiceElement choice, boolean required, FormDefinition definition) {
        List<Option> options = definition.optionsOf(choice);
        ObjectNode valueSchema = schema;
        if (choice.multiple()) {
            schema.put("type", "array");
            int min = choice.minSelected() != null ? choice.minSelected() : required ? 1 : 0;
            if (min > 0) {
                schema.put("minItems", min);
            }
            schema.put("maxItems", choice.maxSelected() != null ? choice.maxSelected() : options.size());
            schema.put("uniqueItems", true);
            valueSchema = schema.putObject("items");
        }
        valueSchema.put("type", "string");
        ArrayNode values = valueSchema.putArray("enum");
        options.forEach(option -> values.add(option.value()));
    }

    private static void files(ObjectNode schema, FileElement file, boolean required) {
        schema.put("type", "array");
        int min = file.minFilesOrDefault(required);
        if (min > 0) {
            schema.put("minItems", min);
        }
        schema.put("maxItems", file.maxFilesOrDefault());
        ObjectNode item = schema.putObject("items");
        item.put("type", "object");
        strings(item.putArray("required"), "id", "name", "size", "mediaType", "sha256");
        ObjectNode properties = item.putObject("properties");
        properties.putObject("id").put("description", "Attachment id").put("type", "string").put("minLength", 1);
        properties.putObject("name").put("description", "File name as uploaded").put("type", "string");
        properties.putObject("size").put("description", "Size in bytes").put("type", "integer")
                .put("minimum", 0).put("maximum", (long) file.maxSizeKbOrDefault() * 1024);
        ObjectNode mediaType = properties.putObject("mediaType").put("type", "string");
        List<String> accept = file.acceptOrDefault();
        if (accept.stream().anyMatch(type -> type.endsWith("/*"))) {
            mediaType.put("pattern", mediaTypePattern(accept));
        } else {
            strings(mediaType.putArray("enum"), accept.toArray(String[]::new));
        }
        properties.putObject("sha256").put("description", "SHA-256 of the content, lower-case hex")
                .put("type", "string").put("pattern", SHA256_PATTERN);
        item.put("additionalProperties", false);
    }

    /** A regex (same in ECMAScript, Java and XSD once the anchors are dropped) for accepted media types. */
    static String mediaTypePattern(List<String> accept) {
        List<String> alternatives = accept.stream()
                .map(type -> type.endsWith("/*")
                        ? escape(type.substring(0, type.length() - 1)) + "[a-z0-9][a-z0-9.+\\-]*"
                        : escape(type))
                .toList();
        return "^(" + String.join("|", alternatives) + ")$";
    }

    private static String escape(String mediaType) {
        return mediaType.replace(".", "\\.").replace("+", "\\+");
    }

    private static void anyScalar(ObjectNode schema) {
        strings(schema.putArray("type"), "string", "number", "boolean", "null");
    }

    private static String jsonType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isArray()) {
            return "array";
        }
        return "object";
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }

    private static ObjectNode object() {
        return DefinitionJson.mapper().createObjectNode();
    }
}
