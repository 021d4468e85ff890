package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/** An amount of money. Data: JSON number with at most two decimal places. */
public record CurrencyElement(
        String key,
        LocalizedText label,
        LocalizedText hint,
        BigDecimal min,
        BigDecimal max,
        String currencyCode,
        Boolean required,
        JsonNode requiredIf,
        JsonNode visibleIf,
        Boolean readOnly,
        JsonNode defaultValue,
        String autocomplete,
        Boolean indexed,
        Map<String, String> metadata) implements InputElement {

    public CurrencyElement {
        metadata = Lists.copy(metadata);
    }

    @Override
    public ElementType type() {
        return ElementType.CURRENCY;
    }

    /** Default {@code currencyCode}. */
    public static final String DEFAULT_CURRENCY = "EUR";

    /** The ISO 4217 currency code, defaulted. */
    public String currencyCodeOrDefault() {
        return currencyCode == null ? DEFAULT_CURRENCY : currencyCode;
    }
}
