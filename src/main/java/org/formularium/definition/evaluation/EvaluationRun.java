package org.formularium.definition.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formularium.definition.logic.ExpressionException;
import org.formularium.definition.logic.Expressions;
import org.formularium.definition.model.ComputedElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.Elements;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.Rule;
import org.formularium.definition.model.SectionElement;

/** One evaluation of data against a definition; see {@link DataEvaluator}. */
final class EvaluationRun {

    /** Rounds of compute-then-hide before the data is taken as settled (each round only removes answers). */
    private static final int MAX_ROUNDS = 10;

    private record PageError(String pageKey, DataError error) {
    }

    private final FormDefinition definition;
    private final List<Element> formElements = new ArrayList<>();
    private final Map<List<Element>, List<InputElement>> computeOrders = new IdentityHashMap<>();
    private final Set<String> visible = new LinkedHashSet<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final Map<String, JsonNode> computed = new LinkedHashMap<>();
    private final Map<String, String> pageOfKey = new HashMap<>();
    private final List<PageError> errors = new ArrayList<>();
    private final ValueChecks checks;
    private String currentPage;
    private boolean checking;

    EvaluationRun(FormDefinition definition, LocalDate today) {
        this.definition = definition;
        this.checks = new ValueChecks(definition, today,
                (path, code, message) -> errors.add(new PageError(currentPage, new DataError(path, code, message))));
        definition.pages().forEach(page -> formElements.addAll(page.elements()));
    }

    /** {@code checking} false: visibility, requiredness and computed values only, no errors. */
    Evaluation run(JsonNode input, String onlyPage, boolean checking) {
        this.checking = checking;
        ObjectNode data = Normalizer.scope(formElements, input != null && input.isObject() ? input : null);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ObjectNode before = data.deepCopy();
            Map<String, Object> context = context(data);
            compute(formElements, data, context);
            visible.clear();
            for (Page page : definition.pages()) {
                boolean pageVisible = test(page.visibleIf(), context, true);
                if (pageVisible) {
                    visible.add(page.key());
                }
                hide(page.elements(), data, context, "", pageVisible, page.key());
            }
            if (data.equals(before)) {
                break;
            }
        }
        Map<String, Object> context = context(data);
        for (Page page : definition.pages()) {
            currentPage = page.key();
            validate(page.elements(), data, context, "");
        }
        if (checking) {
            checkRules(data, context);
        }
        List<DataError> result = errors.stream()
                .filter(e -> onlyPage == null || onlyPage.equals(e.pageKey()))
                .map(PageError::error)
                .toList();
        return new Evaluation(data, visible, required, computed, result);
    }

    // ---- computed and hidden values ---------------------------------------------------------------

    private void compute(List<Element> elements, ObjectNode data, Map<String, Object> context) {
        for (InputElement element : computeOrder(elements)) {
            JsonNode value = element instanceof HiddenElement hidden && hidden.expression() == null
                    ? hidden.value()
                    : evaluate(element instanceof ComputedElement c ? c.expression() : ((HiddenElement) element).expression(),
                            context);
            if (element instanceof ComputedElement c && "currency".equals(c.formatOrDefault()) && value != null
                    && value.isNumber()) {
                value = JsonNodeFactory.instance.numberNode(value.decimalValue().setScale(2, RoundingMode.HALF_UP));
            }
            if (value == null || value.isNull()) {
                data.remove(element.key());
                context.put(element.key(), null);
            } else {
                data.set(element.key(), value);
                context.put(element.key(), Expressions.toLogicData(value));
            }
        }
        for (InputElement element : Elements.inputsInScope(elements)) {
            if (element instanceof GroupElement group && data.get(group.key()) != null && data.get(group.key()).isArray()) {
                for (JsonNode item : data.get(group.key())) {
                    if (item.isObject()) {
                        compute(group.elements(), (ObjectNode) item, itemContext(context, group, item));
                    }
                }
            }
        }
    }

    /** Computed and hidden elements of one scope, each after the ones its expression reads. */
    private List<InputElement> computeOrder(List<Element> elements) {
        return computeOrders.computeIfAbsent(elements, scope -> {
            Map<String, InputElement> byKey = new LinkedHashMap<>();
            for (InputElement input : Elements.inputsInScope(scope)) {
                if (input instanceof ComputedElement || input instanceof HiddenElement) {
                    byKey.put(input.key(), input);
                }
            }
            List<InputElement> order = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            byKey.values().forEach(e -> visit(e, byKey, seen, order));
            return order;
        });
    }

    private static void visit(InputElement element, Map<String, InputElement> byKey, Set<String> seen,
                              List<InputElement> order) {
        if (!seen.add(element.key())) {
            return;
        }
        JsonNode expression = element instanceof ComputedElement c ? c.expression() : ((HiddenElement) element).expression();
        for (String name : Expressions.references(expression)) {
            InputElement dependency = byKey.get(name.split("\\.")[0]);
            if (dependency != null) {
                visit(dependency, byKey, seen, order);
            }
        }
        order.add(element);
    }

    // ---- visibility -------------------------------------------------------------------------------

    /** Records visible paths and removes the answers of hidden elements. */
    private void hide(List<Element> elements, ObjectNode data, Map<String, Object> context, String prefix,
                      boolean parentVisible, String pageKey) {
        for (Element element : elements) {
            boolean isVisible = parentVisible && test(element.visibleIf(), context, true);
            String path = prefix + element.key();
            if (prefix.isEmpty()) {
                pageOfKey.put(element.key(), pageKey);
            }
            if (isVisible) {
                visible.add(path);
            }
            if (element instanceof SectionElement section) {
                hide(section.elements(), data, context, prefix, isVisible, pageKey);
            } else if (element instanceof InputElement && !isVisible) {
                data.remove(element.key());
            } else if (element instanceof GroupElement group && data.get(group.key()) != null
                    && data.get(group.key()).isArray()) {
                JsonNode items = data.get(group.key());
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).isObject()) {
                        hide(group.elements(), (ObjectNode) items.get(i), itemContext(context, group, items.get(i)),
                                path + "[" + i + "].", true, pageKey);
                    }
                }
            }
        }
    }

    // ---- validation -------------------------------------------------------------------------------

    private void validate(List<Element> elements, ObjectNode data, Map<String, Object> context, String prefix) {
        for (Element element : elements) {
            String path = prefix + element.key();
            if (!visible.contains(path)) {
                continue;
            }
            if (element instanceof SectionElement section) {
                validate(section.elements(), data, context, prefix);
                continue;
            }
            if (!(element instanceof InputElement input)) {
                continue;
            }
            JsonNode value = data.get(input.key());
            if (input instanceof ComputedElement || input instanceof HiddenElement) {
                if (value != null) {
                    computed.put(path, value);
                }
                continue;
            }
            boolean isRequired = input.requiredOrFalse()
                    || (input.requiredIf() != null && test(input.requiredIf(), context, false));
            if (isRequired) {
                required.add(path);
            }
            if (checking) {
                checks.check(input, value, path, isRequired);
            }
            if (input instanceof GroupElement group && value != null && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        validate(group.elements(), (ObjectNode) value.get(i), itemContext(context, group, value.get(i)),
                                path + "[" + i + "].");
                    }
                }
            }
        }
    }

    /** Rules count once every field they name is visible and answered. */
    private void checkRules(ObjectNode data, Map<String, Object> context) {
        for (Rule rule : definition.rulesOrEmpty()) {
            List<String> fields = rule.fieldsOrEmpty();
            if (!fields.stream().allMatch(field -> visible.contains(field) && data.has(field))) {
                continue;
            }
            if (!test(rule.condition(), context, false)) {
                String path = fields.isEmpty() ? "" : fields.get(0);
                currentPage = fields.isEmpty() ? null : pageOfKey.get(path);
                errors.add(new PageError(currentPage, new DataError(path, DataErrorCode.RULE_VIOLATED, rule.message())));
            }
        }
    }

    // ---- expressions ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(ObjectNode data) {
        return (Map<String, Object>) Expressions.toLogicData(data);
    }

    /** The data an expression inside a group item sees: the item's keys first, then the enclosing scope. */
    private static Map<String, Object> itemContext(Map<String, Object> parent, GroupElement group, JsonNode item) {
        Map<String, Object> context = new HashMap<>(parent);
        for (InputElement input : Elements.inputsInScope(group.elements())) {
            context.put(input.key(), Expressions.toLogicData(item.get(input.key())));
        }
        return context;
    }

    /** Truthiness of an expression; {@code whenAbsent} without one; false when it fails. */
    private static boolean test(JsonNode expression, Map<String, Object> context, boolean whenAbsent) {
        if (expression == null) {
            return whenAbsent;
        }
        try {
            return Expressions.truthy(Expressions.evaluate(expression, context));
        } catch (ExpressionException e) {
            return false;
        }
    }

    /** The value of an expression; {@code null} when it fails. */
    private static JsonNode evaluate(JsonNode expression, Map<String, Object> context) {
        try {
            return Expressions.evaluateToJson(expression, context);
        } catch (ExpressionException e) {
            return null;
        }
    }

}
