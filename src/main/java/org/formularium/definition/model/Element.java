package org.formularium.definition.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One element of a page, told apart in JSON by its {@code type} property. Every element has a {@code key}
 * (unique within its scope) and may have {@code visibleIf} and {@code metadata}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TextElement.class, name = "text"),
        @JsonSubTypes.Type(value = TextareaElement.class, name = "textarea"),
        @JsonSubTypes.Type(value = NumberElement.class, name = "number"),
        @JsonSubTypes.Type(value = IntegerElement.class, name = "integer"),
        @JsonSubTypes.Type(value = CurrencyElement.class, name = "currency"),
        @JsonSubTypes.Type(value = DateElement.class, name = "date"),
        @JsonSubTypes.Type(value = EmailElement.class, name = "email"),
        @JsonSubTypes.Type(value = PhoneElement.class, name = "phone"),
        @JsonSubTypes.Type(value = IbanElement.class, name = "iban"),
        @JsonSubTypes.Type(value = AddressElement.class, name = "address"),
        @JsonSubTypes.Type(value = ChoiceElement.class, name = "choice"),
        @JsonSubTypes.Type(value = YesNoElement.class, name = "yesno"),
        @JsonSubTypes.Type(value = ConsentElement.class, name = "consent"),
        @JsonSubTypes.Type(value = FileElement.class, name = "file"),
        @JsonSubTypes.Type(value = InfoElement.class, name = "info"),
        @JsonSubTypes.Type(value = SectionElement.class, name = "section"),
        @JsonSubTypes.Type(value = GroupElement.class, name = "group"),
        @JsonSubTypes.Type(value = ComputedElement.class, name = "computed"),
        @JsonSubTypes.Type(value = HiddenElement.class, name = "hidden")
})
public sealed interface Element permits InputElement, InfoElement, SectionElement {

    /** The element's type (also its JSON discriminator). Not a JSON property of its own. */
    ElementType type();

    String key();

    JsonNode visibleIf();

    Map<String, String> metadata();
}
