package org.formularium.definition.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.Option;

/**
 * The JSON shape a definition property must have, derived from the model record's component type so that
 * model and validator cannot drift apart.
 */
enum PropertyKind {
    TEXT("a text object such as {\"de\": \"…\"}"),
    BOOLEAN("true or false"),
    INT("a whole number"),
    LONG("a whole number"),
    DECIMAL("a number"),
    STRING("a string"),
    STRING_LIST("an array of strings"),
    STRING_MAP("an object whose values are strings"),
    LOGIC("a JSON Logic expression"),
    ANY("any JSON value"),
    OPTIONS("an array of options"),
    ELEMENTS("an array of elements"),
    OBJECT("an object"),
    ARRAY("an array");

    private static final Set<String> LOGIC_PROPERTIES = Set.of("visibleIf", "requiredIf", "expression", "condition");
    private static final Map<Class<?>, Map<String, PropertyKind>> CACHE = new ConcurrentHashMap<>();

    private final String description;

    PropertyKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Whether the JSON node has this kind's JSON type (deeper checks happen elsewhere). */
    boolean accepts(JsonNode node) {
        return switch (this) {
            case TEXT, STRING_MAP, OBJECT -> node.isObject();
            case BOOLEAN -> node.isBoolean();
            case INT -> node.isIntegralNumber() && node.canConvertToInt();
            case LONG -> node.isIntegralNumber() && node.canConvertToLong();
            case DECIMAL -> node.isNumber();
            case STRING -> node.isTextual();
            case STRING_LIST, OPTIONS, ELEMENTS, ARRAY -> node.isArray();
            case LOGIC, ANY -> !node.isMissingNode();
        };
    }

    /** The properties of a model record in declaration order with their kinds. */
    static Map<String, PropertyKind> of(Class<?> recordClass) {
        return CACHE.computeIfAbsent(recordClass, PropertyKind::derive);
    }

    private static Map<String, PropertyKind> derive(Class<?> recordClass) {
        Map<String, PropertyKind> kinds = new LinkedHashMap<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            kinds.put(component.getName(), kindOf(component.getName(), component.getGenericType()));
        }
        return Collections.unmodifiableMap(kinds);
    }

    private static PropertyKind kindOf(String name, Type type) {
        if (type == JsonNode.class) {
            return LOGIC_PROPERTIES.contains(name) ? LOGIC : ANY;
        }
        if (type == LocalizedText.class) {
            return TEXT;
        }
        if (type == Boolean.class || type == boolean.class) {
            return BOOLEAN;
        }
        if (type == Integer.class || type == int.class) {
            return INT;
        }
        if (type == Long.class || type == long.class) {
            return LONG;
        }
        if (type == BigDecimal.class) {
            return DECIMAL;
        }
        if (type == String.class) {
            return STRING;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class && arguments[0] == String.class) {
                return STRING_LIST;
            }
            if (raw == List.class && arguments[0] == Option.class) {
                return OPTIONS;
            }
            if (raw == List.class && arguments[0] == Element.class) {
                return ELEMENTS;
            }
            if (raw == Map.class && arguments[1] == String.class) {
                return STRING_MAP;
            }
            if (raw == List.class) {
                return ARRAY;
            }
        }
        return OBJECT;
    }
}
