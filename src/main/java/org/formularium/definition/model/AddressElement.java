package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A postal address. Data: object with {@code street, houseNumber, postalCode, city, country}. */
public record AddressElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        List<String> countries,
        Boolean requireHouseNumber,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public AddressElement {
        countries = Lists.copy(countries);
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.ADDRESS;
    }

    /** Countries allowed when {@code countries} is absent. */
    public static final List<String> DEFAULT_COUNTRIES = List.of("DE");

    /** The allowed ISO 3166 alpha-2 countries, defaulted. */
    public List<String> countriesOrDefault() {
        return countries == null ? DEFAULT_COUNTRIES : countries;
    }

    /** Whether the house number is required (default true). */
    public boolean requireHouseNumberOrTrue() {
        return !Boolean.FALSE.equals(requireHouseNumber);
    }
}
