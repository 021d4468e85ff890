package org.formularium.builder.editing;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.Option;

/**
 * The properties the builder offers per element type, in the order of the model records (so a new property in
 * the model appears in the builder), each with the kind of field that edits it.
 */
public final class ElementProperties {

    /** What edits a property. */
    public enum Kind {
        /** One text per language. */
        TEXT,
        /** One long text (Markdown) per language. */
        LONG_TEXT,
        BOOLEAN,
        INTEGER,
        DECIMAL,
        STRING,
        /** One of {@link Property#choices()}. */
        CHOICE,
        /** Comma-separated strings. */
        STRING_LIST,
        /** visibleIf / requiredIf: the condition editor. */
        CONDITION,
        /** Computed and hidden values: JSON Logic text. */
        EXPRESSION,
        /** Any JSON value (default and fixed values). */
        JSON,
        OPTIONS,
        CODE_LIST,
        AUTOCOMPLETE,
        /** Name/value pairs, one per line. */
        MAP
    }

    public record Property(String name, Kind kind, List<String> choices) {
        public Property {
            choices = List.copyOf(choices);
        }
    }

    private static final Set<String> NOT_EDITED_HERE = Set.of("key", "elements");
    private static final Set<String> LONG_TEXTS = Set.of("content", "statement");
    private static final Map<String, List<String>> CHOICES = Map.of(
            "display", List.of("radio", "select", "checkboxes"),
            "format", List.of("text", "number", "currency", "date"),
            "style", List.of("info", "warning"));

    private ElementProperties() {
    }

    /** The properties of an element type other than its key and children. */
    public static List<Property> of(ElementType type) {
        List<Property> properties = new ArrayList<>();
        for (RecordComponent component : type.recordClass().getRecordComponents()) {
            String name = component.getName();
            if (!NOT_EDITED_HERE.contains(name)) {
                properties.add(new Property(name, kindOf(name, component.getGenericType()),
                        CHOICES.getOrDefault(name, List.of())));
            }
        }
        return properties;
    }

    private static Kind kindOf(String name, Type type) {
        if (CHOICES.containsKey(name)) {
            return Kind.CHOICE;
        }
        switch (name) {
            case "visibleIf", "requiredIf" -> {
                return Kind.CONDITION;
            }
            case "expression" -> {
                return Kind.EXPRESSION;
            }
            case "codeList" -> {
                return Kind.CODE_LIST;
            }
            case "autocomplete" -> {
                return Kind.AUTOCOMPLETE;
            }
            default -> {
                // by type below
            }
        }
        if (type == JsonNode.class) {
            return Kind.JSON;
        }
        if (type == LocalizedText.class) {
            return LONG_TEXTS.contains(name) ? Kind.LONG_TEXT : Kind.TEXT;
        }
        if (type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == Integer.class || type == Long.class) {
            return Kind.INTEGER;
        }
        if (type == BigDecimal.class) {
            return Kind.DECIMAL;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (arguments[0] == Option.class) {
                return Kind.OPTIONS;
            }
            if (arguments.length == 2) {
                return Kind.MAP;
            }
            return Kind.STRING_LIST;
        }
        return Kind.STRING;
    }

    /** Tokens offered for {@code autocomplete} (HTML autofill field names a citizen's browser knows). */
    public static final List<String> AUTOCOMPLETE_TOKENS = List.of("name", "honorific-prefix", "given-name",
            "additional-name", "family-name", "nickname", "email", "tel", "bday", "sex", "street-address",
            "address-line1", "address-line2", "postal-code", "address-level2", "country", "country-name",
            "organization", "organization-title", "username", "iban", "url", "off");
}
