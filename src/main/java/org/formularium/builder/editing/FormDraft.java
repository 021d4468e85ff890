package org.formularium.builder.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formularium.definition.model.ElementType;
import org.formularium.fim.Keys;

/**
 * The definition a designer is editing, as a mutable JSON tree with the operations of the builder: add pages and
 * elements, move, delete, set properties and texts, change keys. Every change can be undone. Keys of new
 * elements are made from their German label (umlauts transliterated) and kept unique in their scope; while a
 * key still is the one made from the label it follows the label.
 *
 * <p>The draft may be invalid while the designer works: {@code DefinitionValidator} judges it on save.
 */
public final class FormDraft {

    /** Changes that can be undone. */
    public static final int UNDO_LIMIT = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Set<String> LOGIC_PROPERTIES = Set.of("visibleIf", "requiredIf", "expression", "condition");

    private ObjectNode root;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private long revision;

    /** What a change was (for the undo message) and the definition before it. */
    private record Undo(String description, ObjectNode before) {
    }

    /** The outcome of a key change. */
    public enum KeyCheck { OK, UNCHANGED, INVALID, DUPLICATE }

    public FormDraft(JsonNode definition) {
        if (!(definition instanceof ObjectNode object)) {
            throw new IllegalArgumentException("A form definition is a JSON object");
        }
        this.root = object.deepCopy();
    }

    /** A form with no pages yet: only its key, German title and languages. */
    public static ObjectNode emptyDefinition(String formKey, String title) {
        ObjectNode definition = NODES.objectNode();
        definition.put("schemaVersion", 1);
        definition.put("key", formKey);
        definition.putArray("languages").add("de");
        definition.putObject("title").put("de", title);
        definition.putArray("pages");
        return definition;
    }

    /** A copy of the whole definition (to save or preview). */
    public ObjectNode definition() {
        return root.deepCopy();
    }

    /** Counts the changes; it grows with every change and undo. */
    public long revision() {
        return revision;
    }

    /** The form's languages, German first. */
    public List<String> languages() {
        List<String> languages = new ArrayList<>();
        root.path("languages").forEach(l -> languages.add(l.asText()));
        if (!languages.contains("de")) {
            languages.add(0, "de");
        }
        return languages;
    }

    // ---------------------------------------------------------------- reading

    /** The node at the path (the form, a page or an element); do not change it, use the operations. */
    public ObjectNode node(NodePath path) {
        ObjectNode node = root;
        for (int i = 0; i < path.depth(); i++) {
            JsonNode next = (i == 0 ? node.path("pages") : node.path("elements")).path(path.indexes().get(i));
            if (!(next instanceof ObjectNode object)) {
                throw new IllegalArgumentException("No node at " + path);
            }
            node = object;
        }
        return node;
    }

    public boolean exists(NodePath path) {
        try {
            node(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The element type at the path, empty for the form and pages (and unknown types). */
    public Optional<ElementType> type(NodePath path) {
        return path.isElement() ? ElementType.fromJsonName(node(path).path("type").asText()) : Optional.empty();
    }

    /** Pages, sections and groups hold elements. */
    public boolean isContainer(NodePath path) {
        return path.isPage() || type(path).map(ElementType::isContainer).orElse(false);
    }

    /** The paths of the pages (for the form) or of the elements (for a page or container). */
    public List<NodePath> children(NodePath path) {
        JsonNode array = path.isRoot() ? root.path("pages") : node(path).path("elements");
        List<NodePath> children = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            children.add(path.child(i));
        }
        return children;
    }

    public String key(NodePath path) {
        return node(path).path("key").asText("");
    }

    /** The text a designer recognises a node by: label, title or info text in the language, else its key. */
    public String displayName(NodePath path, String language) {
        ObjectNode node = node(path);
        for (String property : List.of("label", "title", "content")) {
            String text = text(node.path(property), language);
            if (!text.isBlank()) {
                String line = text.strip().lines().findFirst().orElse("");
                return line.length() > 60 ? line.substring(0, 57) + "…" : line;
            }
        }
        return key(path);
    }

    /** The path of the element with this key (first in document order). */
    public Optional<NodePath> find(String key) {
        for (NodePath page : children(NodePath.ROOT)) {
            Optional<NodePath> found = find(page, key);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<NodePath> find(NodePath container, String key) {
        for (NodePath child : children(container)) {
            if (key.equals(key(child))) {
                return Optional.of(child);
            }
            if (isContainer(child)) {
                Optional<NodePath> found = find(child, key);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** An input a condition or expression can refer to. */
    public record Field(String key, String label, ElementType type, NodePath path) {
    }

    /**
     * The inputs whose answers an expression at {@code path} can read: the form's inputs (not inside repeating
     * groups) and those of the repeating groups around the path, in document order, the element itself excluded.
     */
    public List<Field> fieldsFor(NodePath path, String language) {
        List<Field> fields = new ArrayList<>();
        for (NodePath page : children(NodePath.ROOT)) {
            collectFields(page, path, language, fields);
        }
        return fields;
    }

    private void collectFields(NodePath container, NodePath from, String language, List<Field> into) {
        for (NodePath child : children(container)) {
            Optional<ElementType> type = type(child);
            if (type.isEmpty()) {
                continue;
            }
            if (type.get().isInput() && !child.equals(from)) {
                into.add(new Field(key(child), displayName(child, language), type.get(), child));
            }
            boolean opensScope = type.get() == ElementType.GROUP;
            if (type.get().isContainer() && (!opensScope || from.startsWith(child))) {
                collectFields(child, from, language, into);
            }
        }
    }

    // ---------------------------------------------------------------- structure

    /** Adds a page after the selected page (at the end when none is selected) and returns its path. */
    public NodePath addPage(NodePath selection, String title) {
        int index = selection.isRoot() ? root.path("pages").size() : selection.indexes().get(0) + 1;
        ObjectNode page = NODES.objectNode();
        page.put("key", uniqueKey(Keys.elementKey(title, "seite"), keysInScope(NodePath.ROOT, null)));
        page.putObject("title").put("de", title);
        page.putArray("elements");
        remember("add");
        pagesArray().insert(index, page);
        return NodePath.of(index);
    }

    /**
     * Adds an element: into the selected page or container (at its end), after the selected element, or at the
     * end of the last page when the form is selected.
     *
     * @param label the German label (title, text) the element starts with; its key is made from it
     * @return the new element's path, empty when the form has no page to put it on
     */
    public Optional<NodePath> addElement(ElementType type, NodePath selection, String label) {
        NodePath container;
        int index;
        if (selection.isRoot() || !exists(selection)) {
            int pages = root.path("pages").size();
            if (pages == 0) {
                return Optional.empty();
            }
            container = NodePath.of(pages - 1);
            index = node(container).path("elements").size();
        } else if (isContainer(selection)) {
            container = selection;
            index = node(container).path("elements").size();
        } else {
            container = selection.parent();
            index = selection.last() + 1;
        }
        ObjectNode element = NODES.objectNode();
        element.put("type", type.jsonName());
        element.put("key", uniqueKey(Keys.elementKey(label, type.jsonName()), keysInScope(container.child(index), null)));
        switch (type) {
            case SECTION -> {
                element.set("title", germanText(label));
                element.putArray("elements");
            }
            case INFO -> element.set("content", germanText(label));
            case GROUP -> {
                element.set("label", germanText(label));
                element.putArray("elements");
            }
            case CHOICE -> {
                element.put("display", "radio");
                element.set("label", germanText(label));
                element.putArray("options");
            }
            case CONSENT -> {
                element.set("label", germanText(label));
                element.set("statement", germanText(label));
            }
            case COMPUTED -> {
                element.set("label", germanText(label));
                element.put("expression", 0);
            }
            case ADDRESS -> {
                element.set("label", germanText(label));
                element.put("requireHouseNumber", true);
            }
            default -> element.set("label", germanText(label));
        }
        remember("add");
        elementsArray(container).insert(index, element);
        return Optional.of(container.child(index));
    }

    /**
     * Moves a page or element among its siblings ({@code delta} −1 up, +1 down).
     *
     * @return the new path, empty when it cannot move further
     */
    public Optional<NodePath> move(NodePath path, int delta) {
        if (path.isRoot()) {
            return Optional.empty();
        }
        ArrayNode siblings = siblings(path);
        int target = path.last() + delta;
        if (target < 0 || target >= siblings.size()) {
            return Optional.empty();
        }
        remember("move");
        JsonNode node = siblings.remove(path.last());
        siblings.insert(target, node);
        return Optional.of(path.withLast(target));
    }

    /**
     * Moves an element into a page or container at an index (drag and drop, "move to").
     *
     * @return the new path, empty when the target is not a container or lies inside the element
     */
    public Optional<NodePath> moveTo(NodePath path, NodePath container, int index) {
        if (!path.isElement() || !exists(container) || !isContainer(container) || container.startsWith(path)) {
            return Optional.empty();
        }
        // removing the element shifts its later siblings (and containers among them) one up
        List<Integer> adjusted = new ArrayList<>(container.indexes());
        int level = path.depth() - 1;
        boolean sameParentLevel = container.depth() > level
                && container.indexes().subList(0, level).equals(path.parent().indexes());
        if (sameParentLevel && adjusted.get(level) > path.last()) {
            adjusted.set(level, adjusted.get(level) - 1);
        }
        NodePath newContainer = new NodePath(adjusted);
        int newIndex = newContainer.equals(path.parent()) && index > path.last() ? index - 1 : index;
        remember("move");
        JsonNode node = siblings(path).remove(path.last());
        ArrayNode target = elementsArray(newContainer);
        newIndex = Math.max(0, Math.min(newIndex, target.size()));
        target.insert(newIndex, node);
        return Optional.of(newContainer.child(newIndex));
    }

    /** Deletes a page or element; {@link #undo()} brings it back. */
    public void delete(NodePath path) {
        if (path.isRoot()) {
            throw new IllegalArgumentException("The form itself cannot be deleted");
        }
        remember("delete");
        siblings(path).remove(path.last());
    }

    /** Whether there is a change to undo. */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Undoes the last change; returns what it was ("add", "move", "delete", "change"). */
    public Optional<String> undo() {
        Undo last = undo.pollFirst();
        if (last == null) {
            return Optional.empty();
        }
        root = last.before();
        revision++;
        return Optional.of(last.description());
    }

    // ---------------------------------------------------------------- properties

    /**
     * Sets a property of the form, a page or an element ({@code privacy.notice} reaches into objects). A
     * {@code null}, missing or blank text value removes it (and objects left empty).
     *
     * @return whether anything changed
     */
    public boolean set(NodePath path, String property, JsonNode value) {
        ObjectNode node = node(path);
        String[] names = property.split("\\.");
        JsonNode current = node;
        for (String name : names) {
            current = current.path(name);
        }
        boolean remove = value == null || value.isNull() || value.isMissingNode()
                || (value.isTextual() && value.asText().isBlank());
        if (remove ? current.isMissingNode() : value.equals(current)) {
            return false;
        }
        remember("change");
        ObjectNode parent = node;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode next = parent.get(names[i]);
            if (!(next instanceof ObjectNode)) {
                if (remove) {
                    return true;
                }
                next = parent.putObject(names[i]);
            }
            parent = (ObjectNode) next;
        }
        if (remove) {
            parent.remove(names[names.length - 1]);
            pruneEmpty(node, names);
        } else {
            parent.set(names[names.length - 1], value.deepCopy());
        }
        return true;
    }

    /** Sets a boolean property; {@code false} removes it (absent means false in the format). */
    public boolean setFlag(NodePath path, String property, boolean value) {
        return set(path, property, value ? NODES.booleanNode(true) : null);
    }

    /**
     * Sets one language of a text property; a blank text removes the language (and the text when none is left).
     * Changing the German label (title of pages and sections) also changes a key that was made from it.
     */
    public boolean setText(NodePath path, String property, String language, String text) {
        ObjectNode node = node(path);
        JsonNode current = node;
        for (String name : property.split("\\.")) {
            current = current.path(name);
        }
        ObjectNode texts = current instanceof ObjectNode object ? object.deepCopy() : NODES.objectNode();
        if (text == null || text.isBlank()) {
            texts.remove(language);
        } else {
            texts.put(language, text);
        }
        boolean followsLabel = !path.isRoot() && "de".equals(language) && property.equals(keySource(path))
                && key(path).equals(keyFromText(path, text(node.path(property), "de")));
        boolean changed = set(path, property, texts.isEmpty() ? null : texts);
        if (changed && followsLabel && text != null && !text.isBlank()) {
            String key = keyFromText(path, text);
            if (!key.equals(key(path))) {
                renameReferences(key(path), key);
                node(path).put("key", key);
            }
        }
        return changed;
    }

    /** Checks a key for the node: well formed ({@code ^[a-z][a-z0-9_]{0,62}$}) and unique in its scope. */
    public KeyCheck checkKey(NodePath path, String key) {
        if (key.equals(key(path))) {
            return KeyCheck.UNCHANGED;
        }
        if (!Keys.ELEMENT_KEY.matcher(key).matches()) {
            return KeyCheck.INVALID;
        }
        return keysInScope(path, node(path)).contains(key) ? KeyCheck.DUPLICATE : KeyCheck.OK;
    }

    /**
     * Changes the key of a page or element when {@link #checkKey} says OK; expressions that read the old key
     * (and the confirmation e-mail field) are changed to the new one.
     */
    public KeyCheck setKey(NodePath path, String key) {
        KeyCheck check = checkKey(path, key);
        if (check == KeyCheck.OK) {
            remember("change");
            renameReferences(key(path), key);
            node(path).put("key", key);
        }
        return check;
    }

    /** The key a node would get from the text: transliterated, unique in its scope. */
    public String keyFromText(NodePath path, String text) {
        String fallback = path.isPage() ? "seite" : node(path).path("type").asText("feld");
        return uniqueKey(Keys.elementKey(text, fallback), keysInScope(path, node(path)));
    }

    // ---------------------------------------------------------------- helpers

    private static String text(JsonNode texts, String language) {
        String text = texts.path(language).asText("");
        return text.isEmpty() ? texts.path("de").asText("") : text;
    }

    private String keySource(NodePath path) {
        if (path.isPage()) {
            return "title";
        }
        return switch (type(path).orElse(ElementType.TEXT)) {
            case SECTION -> "title";
            case INFO -> "content";
            default -> "label";
        };
    }

    private static ObjectNode germanText(String text) {
        ObjectNode texts = NODES.objectNode();
        texts.put("de", text);
        return texts;
    }

    static String uniqueKey(String base, Set<String> used) {
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "_" + n;
            String stem = base.length() + suffix.length() > Keys.MAX_LENGTH
                    ? base.substring(0, Keys.MAX_LENGTH - suffix.length()) : base;
            if (!used.contains(stem + suffix)) {
                return stem + suffix;
            }
        }
    }

    /**
     * The keys of the scope a node at {@code path} belongs to: the form (pages and every element outside
     * repeating groups) or the repeating group around it; {@code exclude} is left out.
     */
    private Set<String> keysInScope(NodePath path, JsonNode exclude) {
        Set<String> keys = new LinkedHashSet<>();
        NodePath scope = NodePath.ROOT;
        for (int depth = 2; depth < path.depth(); depth++) {
            NodePath ancestor = new NodePath(path.indexes().subList(0, depth));
            if (exists(ancestor) && type(ancestor).orElse(null) == ElementType.GROUP) {
                scope = ancestor;
            }
        }
        if (scope.isRoot()) {
            for (JsonNode page : root.path("pages")) {
                if (page != exclude) {
                    keys.add(page.path("key").asText());
                }
                collectKeys(page.path("elements"), exclude, keys);
            }
        } else {
            collectKeys(node(scope).path("elements"), exclude, keys);
        }
        return keys;
    }

    private static void collectKeys(JsonNode elements, JsonNode exclude, Set<String> into) {
        for (JsonNode element : elements) {
            if (element != exclude) {
                into.add(element.path("key").asText());
            }
            if ("section".equals(element.path("type").asText())) {
                collectKeys(element.path("elements"), exclude, into);
            }
        }
    }

    private void renameReferences(String oldKey, String newKey) {
        renameIn(root, oldKey, newKey);
        if (oldKey.equals(root.path("confirmation").path("emailElement").asText(null))) {
            ((ObjectNode) root.get("confirmation")).put("emailElement", newKey);
        }
    }

    private static void renameIn(JsonNode node, String oldKey, String newKey) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (LOGIC_PROPERTIES.contains(field.getKey())) {
                    field.setValue(renameVars(field.getValue(), oldKey, newKey));
                } else {
                    renameIn(field.getValue(), oldKey, newKey);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> renameIn(child, oldKey, newKey));
        }
    }

    private static JsonNode renameVars(JsonNode logic, String oldKey, String newKey) {
        if (logic instanceof ObjectNode object && object.size() == 1 && object.has("var")) {
            JsonNode name = object.get("var");
            JsonNode first = name.isArray() ? name.path(0) : name;
            if (first.isTextual()) {
                String text = first.asText();
                String renamed = text.equals(oldKey) ? newKey
                        : text.startsWith(oldKey + ".") ? newKey + text.substring(oldKey.length()) : text;
                if (name.isArray()) {
                    ((ArrayNode) name).set(0, TextNode.valueOf(renamed));
                } else {
                    object.put("var", renamed);
                }
            }
            return object;
        }
        if (logic instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> f.setValue(renameVars(f.getValue(), oldKey, newKey)));
        } else if (logic instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, renameVars(array.get(i), oldKey, newKey));
            }
        }
        return logic;
    }

    private static void pruneEmpty(ObjectNode node, String[] names) {
        for (int depth = names.length - 1; depth > 0; depth--) {
            ObjectNode parent = node;
            for (int i = 0; i < depth - 1; i++) {
                parent = (ObjectNode) parent.get(names[i]);
            }
            JsonNode child = parent.get(names[depth - 1]);
            if (child != null && child.isEmpty()) {
                parent.remove(names[depth - 1]);
            }
        }
    }

    private ArrayNode pagesArray() {
        JsonNode pages = root.get("pages");
        return pages instanceof ArrayNode array ? array : root.putArray("pages");
    }

    private ArrayNode elementsArray(NodePath container) {
        ObjectNode node = node(container);
        JsonNode elements = node.get("elements");
        return elements instanceof ArrayNode array ? array : node.putArray("elements");
    }

    private ArrayNode siblings(NodePath path) {
        return path.isPage() ? pagesArray() : elementsArray(path.parent());
    }

    private void remember(String description) {
        undo.addFirst(new Undo(description, root.deepCopy()));
        while (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        revision++;
    }
}
