package org.formularium.definition.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.formularium.definition.model.AddressElement;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.Elements;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;

/**
 * Brings raw answers into their stored form without judging them: strings trimmed, IBAN upper case without
 * spaces, numeric strings to numbers, unknown keys dropped, empty answers ({@code null}, blank, {@code []},
 * all-blank address) removed. Values of the wrong type are kept so the evaluator can report them.
 */
final class Normalizer {

    static final List<String> ADDRESS_PARTS = List.of("street", "houseNumber", "postalCode", "city", "country");
    static final List<String> FILE_PROPERTIES = List.of("id", "name", "size", "mediaType", "sha256");

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Normalizer() {
    }

    /** The scope's data with only its own keys, each normalised; computed and hidden values left out. */
    static ObjectNode scope(List<Element> elements, JsonNode raw) {
        ObjectNode result = NODES.objectNode();
        for (InputElement input : Elements.inputsInScope(elements)) {
            JsonNode value = input.readOnlyOrFalse() ? input.defaultValue() : raw == null ? null : raw.get(input.key());
            JsonNode normalised = value(input, value);
            if (normalised != null) {
                result.set(input.key(), normalised);
            }
        }
        return result;
    }

    /** One normalised answer, or {@code null} when there is none. */
    static JsonNode value(InputElement element, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return switch (element.type()) {
            case COMPUTED, HIDDEN -> null;
            case IBAN -> value.isTextual() ? blankToNull(value.asText().replaceAll("\\s+", "").toUpperCase(Locale.ROOT)) : value;
            case NUMBER, INTEGER, CURRENCY -> number(value);
            case ADDRESS -> address((AddressElement) element, value);
            case CHOICE -> ((ChoiceElement) element).multiple() ? checkboxes(value) : text(value);
            case FILE -> files(value);
            case GROUP -> items((GroupElement) element, value);
            case YESNO, CONSENT -> value;
            default -> text(value);
        };
    }

    private static JsonNode text(JsonNode value) {
        return value.isTextual() ? blankToNull(value.asText().strip()) : value;
    }

    private static JsonNode blankToNull(String text) {
        return text.isEmpty() ? null : NODES.textNode(text);
    }

    private static JsonNode number(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return number.scale() <= 0 ? NODES.numberNode(number.toBigIntegerExact()) : NODES.numberNode(number);
        } catch (NumberFormatException | ArithmeticException e) {
            return NODES.textNode(text);
        }
    }

    private static JsonNode address(AddressElement element, JsonNode value) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode address = NODES.objectNode();
        for (String part : ADDRESS_PARTS) {
            JsonNode partValue = value.get(part);
            if (partValue != null && partValue.isTextual()) {
                String text = partValue.asText().strip();
                if (!text.isEmpty()) {
                    address.put(part, "country".equals(part) || "postalCode".equals(part)
                            ? text.toUpperCase(Locale.ROOT) : text);
                }
            } else if (partValue != null && !partValue.isNull()) {
                address.set(part, partValue);
            }
        }
        if (address.isEmpty()) {
            return null;
        }
        if (!address.has("country") && element.countriesOrDefault().size() == 1) {
            address.put("country", element.countriesOrDefault().get(0));
        }
        return address;
    }

    private static JsonNode checkboxes(JsonNode value) {
        if (!value.isArray()) {
            return text(value);
        }
        Set<JsonNode> unique = new LinkedHashSet<>();
        value.forEach(item -> unique.add(item.isTextual() ? NODES.textNode(item.asText().strip()) : item));
        if (unique.isEmpty()) {
            return null;
        }
        ArrayNode array = NODES.arrayNode();
        unique.forEach(array::add);
        return array;
    }

    private static JsonNode files(JsonNode value) {
        if (!value.isArray()) {
            return value;
        }
        if (value.isEmpty()) {
            return null;
        }
        ArrayNode files = NODES.arrayNode();
        for (JsonNode file : value) {
            if (file.isObject()) {
                ObjectNode kept = NODES.objectNode();
                FILE_PROPERTIES.forEach(p -> {
                    if (file.has(p)) {
                        kept.set(p, file.get(p));
                    }
                });
                files.add(kept);
            } else {
                files.add(file);
            }
        }
        return files;
    }

    private static JsonNode items(GroupElement group, JsonNode value) {
        if (!value.isArray()) {
            return value;
        }
        if (value.isEmpty()) {
            return null;
        }
        ArrayNode items = NODES.arrayNode();
        for (JsonNode item : value) {
            items.add(item.isObject() ? scope(group.elements(), item) : item);
        }
        return items;
    }
}
