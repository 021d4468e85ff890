package org.formularium.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.formularium.definition.model.Elements;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.InputElement;

import java.util.List;

/**
 * The part of the answers that stays in clear for searching ({@code submission.indexed_data},
 * {@code draft.indexed_data}): the values of elements a designer marked {@code indexed}, in the same JSON
 * shape as the answers. Inside a repeating group: an array of objects with only the indexed keys (items
 * without an indexed value are left out); a group marked {@code indexed} itself keeps its whole value.
 * Everything else is stored only encrypted.
 */
public final class IndexedData {

    private IndexedData() {
    }

    /** The indexed part of answers made with a form version (looks the version up). */
    @FunctionalInterface
    public interface ByVersion {
        ObjectNode of(String formKey, int version, JsonNode data);
    }

    public static ObjectNode of(FormDefinition definition, JsonNode data) {
        return scope(definition.formScopeElements().stream()
                .filter(InputElement.class::isInstance).map(InputElement.class::cast).toList(), data);
    }

    private static ObjectNode scope(List<InputElement> inputs, JsonNode data) {
        ObjectNode result = DefinitionJson.mapper().createObjectNode();
        if (data == null || !data.isObject()) {
            return result;
        }
        for (InputElement input : inputs) {
            JsonNode value = data.get(input.key());
            if (value == null || value.isNull()) {
                continue;
            }
            if (input.indexedOrFalse()) {
                result.set(input.key(), value.deepCopy());
            } else if (input instanceof GroupElement group && value.isArray()) {
                ArrayNode items = result.arrayNode();
                for (JsonNode item : value) {
                    ObjectNode indexed = scope(Elements.inputsInScope(group.elements()), item);
                    if (!indexed.isEmpty()) {
                        items.add(indexed);
                    }
                }
                if (!items.isEmpty()) {
                    result.set(group.key(), items);
                }
            }
        }
        return result;
    }
}
