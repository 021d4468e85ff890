package org.formularium.definition.model;

import com.fasterxml.jackson.databind.JsonNode;

/** An element that holds data under its key: every type except {@code info} and {@code section}. */
public sealed interface InputElement extends Element
        permits TextElement, TextareaElement, NumberElement, IntegerElement, CurrencyElement, DateElement,
        EmailElement, PhoneElement, IbanElement, AddressElement, ChoiceElement, YesNoElement, ConsentElement,
        FileElement, GroupElement, ComputedElement, HiddenElement {

    LocalizedText label();

    LocalizedText hint();

    Boolean required();

    JsonNode requiredIf();

    Boolean readOnly();

    JsonNode defaultValue();

    String autocomplete();

    Boolean indexed();

    /** {@code required}, defaulted to false. */
    default boolean requiredOrFalse() {
        return Boolean.TRUE.equals(required());
    }

    /** {@code readOnly}, defaulted to false. */
    default boolean readOnlyOrFalse() {
        return Boolean.TRUE.equals(readOnly());
    }

    /** {@code indexed}, defaulted to false. */
    default boolean indexedOrFalse() {
        return Boolean.TRUE.equals(indexed());
    }
}
