package org.formularium.builder.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a node sits in a definition: the empty path is the form itself, {@code [p]} is page p, {@code [p, i]}
 * element i of page p, {@code [p, i, j]} element j of the container i, and so on.
 */
public record NodePath(List<Integer> indexes) {

    public static final NodePath ROOT = new NodePath(List.of());

    private static final Pattern PROBLEM_PATH = Pattern.compile("^pages\\[(\\d+)]((?:\\.elements\\[\\d+])*)");
    private static final Pattern ELEMENT_INDEX = Pattern.compile("\\.elements\\[(\\d+)]");

    public NodePath {
        indexes = List.copyOf(indexes);
    }

    public static NodePath of(Integer... indexes) {
        return new NodePath(List.of(indexes));
    }

    public boolean isRoot() {
        return indexes.isEmpty();
    }

    public boolean isPage() {
        return indexes.size() == 1;
    }

    public boolean isElement() {
        return indexes.size() > 1;
    }

    /** How deep the node is: 0 the form, 1 a page, 2 an element of a page, … */
    public int depth() {
        return indexes.size();
    }

    /** The index of the node within its parent. */
    public int last() {
        return indexes.get(indexes.size() - 1);
    }

    public NodePath parent() {
        return new NodePath(indexes.subList(0, indexes.size() - 1));
    }

    public NodePath child(int index) {
        List<Integer> list = new ArrayList<>(indexes);
        list.add(index);
        return new NodePath(list);
    }

    /** The sibling at {@code index} (same parent). */
    public NodePath withLast(int index) {
        return parent().child(index);
    }

    /** Whether this path is {@code other} or lies inside it. */
    public boolean startsWith(NodePath other) {
        return indexes.size() >= other.indexes.size() && indexes.subList(0, other.indexes.size()).equals(other.indexes);
    }

    /** The path as the validator writes it: {@code pages[0].elements[3].elements[1]}. */
    public String jsonPath() {
        if (isRoot()) {
            return "";
        }
        StringBuilder path = new StringBuilder("pages[").append(indexes.get(0)).append(']');
        for (int i = 1; i < indexes.size(); i++) {
            path.append(".elements[").append(indexes.get(i)).append(']');
        }
        return path.toString();
    }

    /** The page or element a validator problem path points into, or empty for form-level problems. */
    public static Optional<NodePath> ofProblemPath(String problemPath) {
        Matcher matcher = PROBLEM_PATH.matcher(problemPath == null ? "" : problemPath);
        if (!matcher.find()) {
            return Optional.empty();
        }
        List<Integer> list = new ArrayList<>();
        list.add(Integer.parseInt(matcher.group(1)));
        Matcher element = ELEMENT_INDEX.matcher(matcher.group(2));
        while (element.find()) {
            list.add(Integer.parseInt(element.group(1)));
        }
        return Optional.of(new NodePath(list));
    }

    @Override
    public String toString() {
        return isRoot() ? "form" : jsonPath();
    }
}
