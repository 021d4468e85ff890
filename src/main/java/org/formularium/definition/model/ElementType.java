package org.formularium.definition.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The element types of format v1 with their JSON name, record class and the properties a definition must
 * give. The validator derives the allowed properties from the record components.
 */
public enum ElementType {
    TEXT("text", TextElement.class),
    TEXTAREA("textarea", TextareaElement.class),
    NUMBER("number", NumberElement.class),
    INTEGER("integer", IntegerElement.class),
    CURRENCY("currency", CurrencyElement.class),
    DATE("date", DateElement.class),
    EMAIL("email", EmailElement.class),
    PHONE("phone", PhoneElement.class),
    IBAN("iban", IbanElement.class),
    ADDRESS("address", AddressElement.class),
    CHOICE("choice", ChoiceElement.class, "display"),
    YESNO("yesno", YesNoElement.class),
    CONSENT("consent", ConsentElement.class, "statement"),
    FILE("file", FileElement.class),
    INFO("info", InfoElement.class, "content"),
    SECTION("section", SectionElement.class, "title", "elements"),
    GROUP("group", GroupElement.class, "elements"),
    COMPUTED("computed", ComputedElement.class, "expression"),
    HIDDEN("hidden", HiddenElement.class);

    private final String jsonName;
    private final Class<? extends Element> recordClass;
    private final List<String> ownRequiredProperties;

    ElementType(String jsonName, Class<? extends Element> recordClass, String... ownRequiredProperties) {
        this.jsonName = jsonName;
        this.recordClass = recordClass;
        this.ownRequiredProperties = List.of(ownRequiredProperties);
    }

    /** The {@code type} value in JSON. */
    public String jsonName() {
        return jsonName;
    }

    public Class<? extends Element> recordClass() {
        return recordClass;
    }

    /** Whether elements of this type hold data (all but info and section). */
    public boolean isInput() {
        return InputElement.class.isAssignableFrom(recordClass);
    }

    /** Whether elements of this type contain nested elements (section, group). */
    public boolean isContainer() {
        return ContainerElement.class.isAssignableFrom(recordClass);
    }

    /** Properties a definition must give for this type: key, label for inputs, and the type's own. */
    public List<String> requiredProperties() {
        List<String> common = isInput() ? List.of("key", "label") : List.of("key");
        return java.util.stream.Stream.concat(common.stream(), ownRequiredProperties.stream()).toList();
    }

    /** The type with this JSON name. */
    public static Optional<ElementType> fromJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }
}
