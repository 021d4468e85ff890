package org.formularium.definition.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes from every string of a JSON tree (values and keys) the characters no document of ours may carry:
 * those XML 1.0 forbids (NUL and other C0 controls except tab, line feed and carriage return, lone
 * surrogates, U+FFFE/U+FFFF). PostgreSQL's jsonb refuses U+0000, so answers are cleaned before they are
 * stored, once, and the JSON, XML and PDF agree.
 */
public final class JsonText {

    private JsonText() {
    }

    /** A cleaned deep copy (the input is not changed). */
    public static JsonNode clean(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String cleaned = XmlChars.clean(node.asText());
            return cleaned.equals(node.asText()) ? node : TextNode.valueOf(cleaned);
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(clean(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> field : fields) {
                copy.set(XmlChars.clean(field.getKey()), clean(field.getValue()));
            }
            return copy;
        }
        return node;
    }
}
