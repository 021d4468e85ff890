package org.formularium.definition.outline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.formularium.definition.evaluation.DataEvaluator;
import org.formularium.definition.evaluation.Evaluation;
import org.formularium.definition.model.FormDefinition;

/**
 * The answers of a submission as people read them: visible pages in order, their sections, answers with label
 * and formatted value, repeating groups as numbered items. The PDF, the back office, e-mails and CSV exports
 * draw from it, so every answer is formatted in exactly one place. Records only, no rendering.
 *
 * <p>Left out: pages and elements that are not visible, info blocks and hidden values. Unanswered visible
 * inputs are included with {@code answered == false}.
 */
public record AnswerOutline(String formKey, String title, Locale locale, List<OutlinePage> pages) {

    public AnswerOutline {
        pages = List.copyOf(pages);
    }

    /** The outline of data (best the cleaned data of an {@link Evaluation}) in the given language. */
    public static AnswerOutline build(FormDefinition definition, JsonNode cleanedData, Locale locale) {
        // visibility does not depend on the date; a fixed one keeps the outline a pure function
        Evaluation evaluation = DataEvaluator.evaluate(definition, cleanedData, LocalDate.of(2000, 1, 1));
        return build(definition, evaluation, locale);
    }

    /** The outline of an evaluation already at hand. */
    public static AnswerOutline build(FormDefinition definition, Evaluation evaluation, Locale locale) {
        return new OutlineBuilder(definition, evaluation, locale).build();
    }

    /** Every answer in document order, group items included (e.g. for CSV columns). */
    public List<OutlineAnswer> answers() {
        List<OutlineAnswer> answers = new ArrayList<>();
        pages.forEach(page -> collect(page.entries(), answers));
        return answers;
    }

    private static void collect(List<OutlineEntry> entries, List<OutlineAnswer> into) {
        for (OutlineEntry entry : entries) {
            if (entry instanceof OutlineAnswer answer) {
                into.add(answer);
            } else if (entry instanceof OutlineSection section) {
                collect(section.entries(), into);
            } else if (entry instanceof OutlineGroup group) {
                group.items().forEach(item -> collect(item.entries(), into));
            }
        }
    }
}
