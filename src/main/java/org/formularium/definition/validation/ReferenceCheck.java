package org.formularium.definition.validation;

import static org.formularium.definition.validation.DefinitionProblemCode.COMPUTED_CYCLE;
import static org.formularium.definition.validation.DefinitionProblemCode.INVALID_EXPRESSION;
import static org.formularium.definition.validation.DefinitionProblemCode.UNKNOWN_REFERENCE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.formularium.definition.logic.Expressions;
import org.formularium.definition.model.ElementType;

/**
 * Checks every expression once all keys are known: it parses, uses supported operators, reads only data that
 * exists in its scope, and computed/hidden values do not depend on each other in a cycle.
 */
final class ReferenceCheck {

    /** The parts of an address value a dotted variable may read. */
    static final Set<String> ADDRESS_PARTS = Set.of("street", "houseNumber", "postalCode", "city", "country");

    private final ValidationRun run;
    private final Map<Scope.Entry, List<Scope.Entry>> dependencies = new LinkedHashMap<>();
    private final Map<Scope.Entry, String> expressionPaths = new IdentityHashMap<>();

    ReferenceCheck(ValidationRun run) {
        this.run = run;
    }

    void run() {
        for (ValidationRun.PendingExpression expression : run.expressions) {
            Optional<String> problem = Expressions.problem(expression.node());
            if (problem.isPresent()) {
                run.problems.add(expression.path(), INVALID_EXPRESSION, problem.get());
                continue;
            }
            List<Scope.Entry> computedTargets = new ArrayList<>();
            for (String name : Expressions.references(expression.node())) {
                Scope.Entry target = resolve(name, expression);
                if (target != null && isComputed(target)) {
                    computedTargets.add(target);
                }
            }
            if (expression.owner() != null && isComputed(expression.owner())) {
                dependencies.put(expression.owner(), computedTargets);
                expressionPaths.put(expression.owner(), expression.path());
            }
        }
        reportCycles();
    }

    private Scope.Entry resolve(String name, ValidationRun.PendingExpression expression) {
        String[] parts = name.split("\\.", -1);
        Scope.Entry target = expression.scope().resolve(parts[0]);
        if (target == null || !target.holdsData()) {
            run.problems.add(expression.path(), UNKNOWN_REFERENCE, "The variable '" + name + "' names "
                    + (target == null ? "no element in scope." : "a " + (target.isPage() ? "page" : target.type().jsonName())
                    + ", which holds no data."));
            return null;
        }
        if (target.type() == ElementType.ADDRESS && parts.length > 1
                && (parts.length > 2 || !ADDRESS_PARTS.contains(parts[1]))) {
            run.problems.add(expression.path(), UNKNOWN_REFERENCE, "The variable '" + name
                    + "' reads no part of an address; use one of " + String.join(", ", new java.util.TreeSet<>(ADDRESS_PARTS)) + ".");
            return null;
        }
        return target;
    }

    private static boolean isComputed(Scope.Entry entry) {
        return entry.type() == ElementType.COMPUTED || entry.type() == ElementType.HIDDEN;
    }

    /** Tarjan's strongly connected components; every member of a cycle gets a problem. */
    private void reportCycles() {
        Map<Scope.Entry, Integer> index = new HashMap<>();
        Map<Scope.Entry, Integer> low = new HashMap<>();
        Deque<Scope.Entry> stack = new ArrayDeque<>();
        Set<Scope.Entry> onStack = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        int[] counter = {0};
        for (Scope.Entry entry : dependencies.keySet()) {
            if (!index.containsKey(entry)) {
                strongConnect(entry, index, low, stack, onStack, counter);
            }
        }
    }

    private void strongConnect(Scope.Entry entry, Map<Scope.Entry, Integer> index, Map<Scope.Entry, Integer> low,
                               Deque<Scope.Entry> stack, Set<Scope.Entry> onStack, int[] counter) {
        index.put(entry, counter[0]);
        low.put(entry, counter[0]);
        counter[0]++;
        stack.push(entry);
        onStack.add(entry);
        for (Scope.Entry next : dependencies.getOrDefault(entry, List.of())) {
            if (!index.containsKey(next)) {
                strongConnect(next, index, low, stack, onStack, counter);
                low.put(entry, Math.min(low.get(entry), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(entry, Math.min(low.get(entry), index.get(next)));
            }
        }
        if (low.get(entry).equals(index.get(entry))) {
            List<Scope.Entry> component = new ArrayList<>();
            Scope.Entry member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (member != entry);
            boolean selfLoop = dependencies.getOrDefault(entry, List.of()).contains(entry);
            if (component.size() > 1 || selfLoop) {
                List<String> keys = component.stream().map(Scope.Entry::key).sorted().toList();
                for (Scope.Entry cyclic : component) {
                    run.problems.add(expressionPaths.get(cyclic), COMPUTED_CYCLE, "The value of '" + cyclic.key()
                            + "' depends on itself through " + String.join(", ", keys) + ".");
                }
            }
        }
    }
}
