package org.formularium.definition.validation;

import static org.formularium.definition.validation.DefinitionProblemCode.CONTRADICTING_CONSTRAINTS;
import static org.formularium.definition.validation.DefinitionProblemCode.INVALID_VALUE;
import static org.formularium.definition.validation.DefinitionProblemCode.MISSING_OPTIONS;
import static org.formularium.definition.validation.DefinitionProblemCode.MISSING_PROPERTY;
import static org.formularium.definition.validation.DefinitionProblemCode.UNKNOWN_CODE_LIST;
import static org.formularium.definition.validation.Paths.index;
import static org.formularium.definition.validation.Paths.property;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.formularium.definition.logic.RelativeDate;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.model.TextareaElement;

/** The checks of one element type beyond JSON types: ranges, enums, contradictions. */
final class ElementConstraints {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/(\\*|[a-z0-9][a-z0-9.+-]*)");
    private static final int MAX_PATTERN_LENGTH = 1000;

    private final ValidationRun run;
    private JsonNode element;
    private String path;
    private Map<String, PropertyKind> present;

    ElementConstraints(ValidationRun run) {
        this.run = run;
    }

    void check(ElementType type, JsonNode element, String path, Map<String, PropertyKind> present) {
        this.element = element;
        this.path = path;
        this.present = present;
        if (has("autocomplete") && (text("autocomplete").isBlank() || text("autocomplete").length() > 100)) {
            invalid("autocomplete", "The autocomplete token must be 1 to 100 characters.");
        }
        switch (type) {
            case TEXT -> {
                lengths(TextElement.DEFAULT_MAX_LENGTH, TextElement.MAX_MAX_LENGTH);
                pattern();
            }
            case TEXTAREA -> {
                lengths(TextareaElement.DEFAULT_MAX_LENGTH, TextareaElement.MAX_MAX_LENGTH);
                range("rows", 1, 50);
            }
            case EMAIL -> lengths(254, 254);
            case NUMBER -> {
                decimalBounds();
                range("scale", 0, 10);
            }
            case INTEGER -> {
                if (has("min") && has("max") && element.get("min").longValue() > element.get("max").longValue()) {
                    contradiction("min", "'min' is greater than 'max'.");
                }
            }
            case CURRENCY -> {
                decimalBounds();
                currencyCode();
            }
            case DATE -> dates();
            case IBAN -> countries();
            case ADDRESS -> countries();
            case CHOICE -> choice();
            case FILE -> file();
            case INFO -> oneOf("style", Set.of("info", "warning"));
            case GROUP -> {
                range("maxItems", 1, GroupElement.MAX_MAX_ITEMS);
                counts("minItems", "maxItems", GroupElement.DEFAULT_MAX_ITEMS);
            }
            case COMPUTED -> oneOf("format", Set.of("number", "currency", "text", "date"));
            case HIDDEN -> hidden();
            default -> {
            }
        }
    }

    private void lengths(int defaultMax, int largestMax) {
        range("maxLength", 1, largestMax);
        counts("minLength", "maxLength", defaultMax);
    }

    /** {@code min} must not exceed {@code max} (or the default of max when it is absent). */
    private void counts(String min, String max, int defaultMax) {
        if (!has(min)) {
            return;
        }
        int maxValue = has(max) ? element.get(max).intValue() : defaultMax;
        if (element.get(min).intValue() > maxValue) {
            contradiction(min, "'" + min + "' (" + element.get(min).intValue() + ") is greater than '" + max + "' ("
                    + maxValue + (has(max) ? "" : ", the default") + ").");
        }
    }

    private void range(String name, int min, int max) {
        if (has(name)) {
            int value = element.get(name).intValue();
            if (value < min || value > max) {
                invalid(name, "'" + name + "' must be between " + min + " and " + max + ".");
            }
        }
    }

    private void pattern() {
        if (!has("pattern")) {
            return;
        }
        String pattern = text("pattern");
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            invalid("pattern", "The pattern is longer than " + MAX_PATTERN_LENGTH + " characters.");
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            invalid("pattern", "The pattern is not a valid regular expression: " + e.getDescription() + ".");
        }
    }

    private void decimalBounds() {
        if (has("min") && has("max") && element.get("min").decimalValue().compareTo(element.get("max").decimalValue()) > 0) {
            contradiction("min", "'min' is greater than 'max'.");
        }
        if (has("scale")) {
            int scale = element.get("scale").intValue();
            for (String bound : new String[] {"min", "max"}) {
                if (has(bound) && decimals(element.get(bound).decimalValue()) > scale) {
                    contradiction(bound, "'" + bound + "' has more decimal places than 'scale' allows.");
                }
            }
        }
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private void currencyCode() {
        for (String bound : new String[] {"min", "max"}) {
            if (has(bound) && decimals(element.get(bound).decimalValue()) > 2) {
                invalid(bound, "'" + bound + "' of an amount may have at most 2 decimal places.");
            }
        }
        if (!has("currencyCode")) {
            return;
        }
        String code = text("currencyCode");
        boolean known;
        try {
            known = code.matches("[A-Z]{3}") && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            known = false;
        }
        if (!known) {
            invalid("currencyCode", "'" + code + "' is not an ISO 4217 currency code such as EUR.");
        }
    }

    private void dates() {
        LocalDate reference = LocalDate.of(2000, 1, 1);
        LocalDate min = date("minDate", reference);
        LocalDate max = date("maxDate", reference);
        if (min != null && max != null
                && RelativeDate.isRelative(text("minDate")) == RelativeDate.isRelative(text("maxDate"))
                && min.isAfter(max)) {
            contradiction("minDate", "'minDate' is after 'maxDate'.");
        }
    }

    private LocalDate date(String name, LocalDate reference) {
        if (!has(name)) {
            return null;
        }
        var resolved = RelativeDate.resolve(text(name), reference);
        if (resolved.isEmpty()) {
            invalid(name, "'" + text(name) + "' is neither an ISO date (2026-01-31) nor a relative date "
                    + "(today, today+30d, today-18y, today-6m).");
        }
        return resolved.orElse(null);
    }

    private void countries() {
        if (!has("countries")) {
            return;
        }
        JsonNode countries = element.get("countries");
        if (countries.isEmpty()) {
            invalid("countries", "The list of countries is empty.");
        }
        for (int i = 0; i < countries.size(); i++) {
            if (countries.get(i).isTextual() && !COUNTRY.matcher(countries.get(i).asText()).matches()) {
                run.problems.add(index(property(path, "countries"), i), INVALID_VALUE, "'"
                        + countries.get(i).asText() + "' is not an ISO 3166 alpha-2 country code such as DE.");
            }
        }
    }

    private void choice() {
        String display = has("display") ? text("display") : null;
        oneOf("display", Set.of("radio", "select", "checkboxes"));
        boolean inline = element.has("options");
        boolean listed = element.has("codeList");
        if (!inline && !listed) {
            run.problems.add(property(path, "options"), MISSING_OPTIONS,
                    "A choice needs 'options' or a 'codeList'.");
        } else if (inline && listed) {
            invalid("codeList", "A choice has either 'options' or a 'codeList', not both.");
        }
        if (has("options")) {
            run.options(element.get("options"), property(path, "options"));
        }
        if (has("codeList") && !run.knowsCodeList(text("codeList"))) {
            run.problems.add(property(path, "codeList"), UNKNOWN_CODE_LIST, "The code list '" + text("codeList")
                    + "' is not defined in 'codeLists'.");
        }
        if (display != null && !"checkboxes".equals(display)) {
            for (String name : new String[] {"minSelected", "maxSelected"}) {
                if (has(name)) {
                    invalid(name, "'" + name + "' applies only to display 'checkboxes'.");
                }
            }
        }
        counts("minSelected", "maxSelected", Integer.MAX_VALUE);
        if (has("minSelected") && has("options") && element.get("minSelected").intValue() > element.get("options").size()) {
            contradiction("minSelected", "'minSelected' is greater than the number of options.");
        }
    }

    private void file() {
        range("maxSizeKb", 1, FileElement.MAX_MAX_SIZE_KB);
        range("maxFiles", 1, FileElement.MAX_MAX_FILES);
        counts("minFiles", "maxFiles", 1);
        if (has("accept")) {
            JsonNode accept = element.get("accept");
            if (accept.isEmpty()) {
                invalid("accept", "The list of accepted media types is empty.");
            }
            for (int i = 0; i < accept.size(); i++) {
                if (accept.get(i).isTextual() && !MEDIA_TYPE.matcher(accept.get(i).asText()).matches()) {
                    run.problems.add(index(property(path, "accept"), i), INVALID_VALUE, "'"
                            + accept.get(i).asText() + "' is not a media type such as application/pdf or image/*.");
                }
            }
        }
    }

    private void hidden() {
        boolean value = element.has("value");
        boolean expression = element.has("expression");
        if (!value && !expression) {
            run.problems.add(property(path, "value"), MISSING_PROPERTY,
                    "A hidden element needs a 'value' or an 'expression'.");
        } else if (value && expression) {
            invalid("expression", "A hidden element has either a 'value' or an 'expression', not both.");
        }
    }

    private void oneOf(String name, Set<String> allowed) {
        if (has(name) && !allowed.contains(text(name))) {
            invalid(name, "'" + text(name) + "' is not one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
        }
    }

    private boolean has(String name) {
        return present.containsKey(name);
    }

    private String text(String name) {
        return element.get(name).asText();
    }

    private void invalid(String name, String message) {
        run.problems.add(property(path, name), INVALID_VALUE, message);
    }

    private void contradiction(String name, String message) {
        run.problems.add(property(path, name), CONTRADICTING_CONSTRAINTS, message);
    }
}
