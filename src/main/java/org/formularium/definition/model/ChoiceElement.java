package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A choice from options (inline or from a code list). Data: option value, or an array of them for checkboxes. */
public record ChoiceElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        String display,
        List<Option> options,
        String codeList,
        Integer minSelected,
        Integer maxSelected,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public ChoiceElement {
        options = Lists.copy(options);
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.CHOICE;
    }

    /** Display {@code radio}: one value. */
    public static final String RADIO = "radio";
    /** Display {@code select}: one value. */
    public static final String SELECT = "select";
    /** Display {@code checkboxes}: an array of values. */
    public static final String CHECKBOXES = "checkboxes";

    /** Whether several options can be chosen. */
    public boolean multiple() {
        return CHECKBOXES.equals(display);
    }
}
