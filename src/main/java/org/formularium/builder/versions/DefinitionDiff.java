package org.formularium.builder.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two form definitions (as stored, so drafts with problems too): which pages and elements were added,
 * removed or changed, and which form properties changed. Pure: no database, no Vaadin.
 *
 * <p>Pages and elements are matched by their key within their key scope (the form, or a repeating group),
 * so an element that moved to another page or section is one change ("moved"), not a removal and an addition.
 * The path shown is the chain of container keys, e.g. {@code person/address/street}.
 */
public final class DefinitionDiff {

    /** The pseudo property reported when an element sits in another container than before. */
    public static final String MOVED = "(moved)";
    /** The pseudo property reported when the children of a page or container are in another order. */
    public static final String ORDER = "(order)";

    private static final Set<String> CONTAINER_PROPERTIES = Set.of("elements");
    private static final Set<String> FORM_STRUCTURE = Set.of("pages");

    private DefinitionDiff() {
    }

    /**
     * One page or element that differs.
     *
     * @param path       container keys and its own key, joined with {@code /}
     * @param type       {@code page} or the element type
     * @param properties the properties that differ (for changed entries; empty for added and removed), plus
     *                   {@link #MOVED} or {@link #ORDER}
     * @param movedFrom  the path it had in the older definition when it moved, else {@code null}
     */
    public record Change(String path, String type, List<String> properties, String movedFrom) {
        public Change {
            properties = List.copyOf(properties);
        }
    }

    /**
     * The differences from {@code older} to {@code newer}.
     *
     * @param formProperties top-level properties that differ ({@code title}, {@code privacy} …; {@link #ORDER}
     *                       when pages were reordered)
     */
    public record Result(List<String> formProperties, List<Change> added, List<Change> removed, List<Change> changed) {
        public Result {
            formProperties = List.copyOf(formProperties);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        /** Whether the two definitions are equal. */
        public boolean isEmpty() {
            return formProperties.isEmpty() && added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** Compares two definitions; either may be invalid (missing parts count as empty). */
    public static Result compare(JsonNode older, JsonNode newer) {
        Map<String, Node> before = index(older);
        Map<String, Node> after = index(newer);
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Node node : after.values()) {
            Node old = before.get(node.identity);
            if (old == null) {
                added.add(new Change(node.path, node.type, List.of(), null));
                continue;
            }
            List<String> properties = differingProperties(old.json, node.json, CONTAINER_PROPERTIES);
            if (!sameOrder(old.childIdentities, node.childIdentities)) {
                properties.add(ORDER);
            }
            boolean moved = !old.parentPath.equals(node.parentPath);
            if (moved) {
                properties.add(MOVED);
            }
            if (!properties.isEmpty()) {
                changed.add(new Change(node.path, node.type, properties, moved ? old.path : null));
            }
        }
        for (Node node : before.values()) {
            if (!after.containsKey(node.identity)) {
                removed.add(new Change(node.path, node.type, List.of(), null));
            }
        }
        List<String> formProperties = differingProperties(objectOrEmpty(older), objectOrEmpty(newer), FORM_STRUCTURE);
        if (!sameOrder(pageIdentities(older), pageIdentities(newer))) {
            formProperties.add(ORDER);
        }
        return new Result(formProperties, added, removed, changed);
    }

    /** A page or element with where it sits. */
    private record Node(String identity, String path, String parentPath, String type, JsonNode json,
                        List<String> childIdentities) {
    }

    private static Map<String, Node> index(JsonNode definition) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (JsonNode page : array(objectOrEmpty(definition).get("pages"))) {
            String key = keyOf(page);
            String identity = unique(nodes, key);
            nodes.put(identity, new Node(identity, key, "", "page", page, childIdentities("", page)));
            walk(page.get("elements"), "", key, nodes);
        }
        return nodes;
    }

    /** Walks elements; {@code scope} is the identity prefix of the key scope, {@code parentPath} the containers. */
    private static void walk(JsonNode elements, String scope, String parentPath, Map<String, Node> nodes) {
        for (JsonNode element : array(elements)) {
            String key = keyOf(element);
            String type = element.path("type").asText("?");
            String path = parentPath + "/" + key;
            String identity = unique(nodes, scope + key);
            String childScope = "group".equals(type) ? identity + "." : scope;
            nodes.put(identity, new Node(identity, path, parentPath, type, element, childIdentities(childScope, element)));
            if (element.has("elements")) {
                walk(element.get("elements"), childScope, path, nodes);
            }
        }
    }

    private static List<String> childIdentities(String scope, JsonNode container) {
        List<String> keys = new ArrayList<>();
        for (JsonNode child : array(container.get("elements"))) {
            keys.add(scope + keyOf(child));
        }
        return keys;
    }

    private static List<String> pageIdentities(JsonNode definition) {
        return array(objectOrEmpty(definition).get("pages")).stream().map(DefinitionDiff::keyOf).toList();
    }

    /** Whether the entries both lists share are in the same order (additions and removals do not count). */
    private static boolean sameOrder(List<String> older, List<String> newer) {
        Set<String> common = new LinkedHashSet<>(older);
        common.retainAll(new LinkedHashSet<>(newer));
        List<String> a = older.stream().filter(common::contains).distinct().toList();
        List<String> b = newer.stream().filter(common::contains).distinct().toList();
        return a.equals(b);
    }

    private static List<String> differingProperties(JsonNode older, JsonNode newer, Set<String> ignored) {
        Set<String> names = new LinkedHashSet<>();
        fieldNames(older).forEachRemaining(names::add);
        fieldNames(newer).forEachRemaining(names::add);
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            if (!ignored.contains(name) && !Objects.equals(older.get(name), newer.get(name))) {
                differing.add(name);
            }
        }
        return differing;
    }

    private static Iterator<String> fieldNames(JsonNode node) {
        return node.isObject() ? node.fieldNames() : Collections.emptyIterator();
    }

    private static String keyOf(JsonNode node) {
        JsonNode key = node.get("key");
        return key != null && key.isTextual() && !key.asText().isEmpty() ? key.asText() : "?";
    }

    /** Keys of a draft may repeat: the second one becomes {@code key#2}. */
    private static String unique(Map<String, Node> nodes, String identity) {
        String candidate = identity;
        for (int n = 2; nodes.containsKey(candidate); n++) {
            candidate = identity + "#" + n;
        }
        return candidate;
    }

    private static List<JsonNode> array(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> {
                if (item.isObject()) {
                    items.add(item);
                }
            });
        }
        return items;
    }

    private static JsonNode objectOrEmpty(JsonNode node) {
        return node != null && node.isObject() ? node : JsonNodeFactory.instance.objectNode();
    }
}
