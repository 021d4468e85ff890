package org.formularium.definition.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of evaluating data against a form definition.
 *
 * @param data           cleaned data: only known keys, no answers of hidden elements, computed and hidden
 *                       values set, values normalised; the only data to store or hand on
 * @param visiblePaths   data paths of visible pages, sections, info blocks and inputs (in group items
 *                       {@code children[0].name}), in document order
 * @param requiredPaths  data paths of visible inputs that must be answered
 * @param computedValues values of visible computed and hidden elements by data path
 * @param errors         every problem, in document order; empty when the data can be submitted
 */
public record Evaluation(ObjectNode data, Set<String> visiblePaths, Set<String> requiredPaths,
                         Map<String, JsonNode> computedValues, List<DataError> errors) {

    public Evaluation {
        visiblePaths = Collections.unmodifiableSet(new LinkedHashSet<>(visiblePaths));
        requiredPaths = Collections.unmodifiableSet(new LinkedHashSet<>(requiredPaths));
        computedValues = Collections.unmodifiableMap(new LinkedHashMap<>(computedValues));
        errors = List.copyOf(errors);
    }

    /** Whether the data has no errors. */
    public boolean isValid() {
        return errors.isEmpty();
    }

    public boolean isVisible(String path) {
        return visiblePaths.contains(path);
    }

    public boolean isRequired(String path) {
        return requiredPaths.contains(path);
    }

    /** The errors at exactly this path. */
    public List<DataError> errorsAt(String path) {
        return errors.stream().filter(e -> e.path().equals(path)).toList();
    }
}
