package org.formularium.definition.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.formularium.definition.model.FormDefinition;

/**
 * The single source of truth for data against a form definition, used by the runtime, the API, the builder
 * preview and the PDF: which elements are visible and required, the computed values, the cleaned data and
 * every error with a German and English message.
 *
 * <p>Order of work: answers are normalised and unknown keys dropped; then, until nothing changes, computed and
 * hidden values are set (in dependency order, per group item too) and answers of hidden pages, sections and
 * elements are removed; then visible elements are checked and rules evaluated (a rule once every field it
 * names is visible and answered). An expression that fails counts as false (or no value) and never throws;
 * note that json-logic-java fails on {@code cat} with a missing value.
 */
public final class DataEvaluator {

    private DataEvaluator() {
    }

    /**
     * Evaluates all data.
     *
     * @param today the date relative date bounds ({@code today-18y}) are resolved against
     */
    public static Evaluation evaluate(FormDefinition definition, JsonNode data, LocalDate today) {
        return new EvaluationRun(definition, today).run(data, null, true);
    }

    /**
     * What to show while the citizen types: visibility, requiredness and computed values, without checking
     * answers or rules (the result has no errors). Cheaper than {@link #evaluate}; the checks run at "next" and
     * at submit.
     */
    public static Evaluation evaluateShown(FormDefinition definition, JsonNode data, LocalDate today) {
        return new EvaluationRun(definition, today).run(data, null, false);
    }

    /**
     * Evaluates all data but reports only the errors of one page's elements (for the wizard's "next"). Rules
     * count for the page of their first field; rules without fields are left out.
     *
     * @throws IllegalArgumentException when the definition has no such page
     */
    public static Evaluation evaluatePage(FormDefinition definition, JsonNode data, String pageKey, LocalDate today) {
        if (definition.page(pageKey).isEmpty()) {
            throw new IllegalArgumentException("The form " + definition.key() + " has no page " + pageKey);
        }
        return new EvaluationRun(definition, today).run(data, pageKey, true);
    }
}
