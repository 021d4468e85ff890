package org.formularium.runtime.ui;

import com.vaadin.flow.component.Component;
import org.formularium.definition.model.AddressElement;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.ComputedElement;
import org.formularium.definition.model.ConsentElement;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.DateElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.ElementType;
import org.formularium.definition.model.EmailElement;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.IbanElement;
import org.formularium.definition.model.InfoElement;
import org.formularium.definition.model.IntegerElement;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.PhoneElement;
import org.formularium.definition.model.SectionElement;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.model.TextareaElement;
import org.formularium.definition.model.YesNoElement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.formularium.runtime.ui.TextInputRenderer.Kind;

/** The strategy per element class; one place to add a type. Every type of {@link ElementType} has one. */
final class FieldRenderers {

    private final Map<Class<? extends Element>, FieldRenderer<? extends Element>> byClass = new HashMap<>();

    FieldRenderers() {
        put(TextElement.class, new TextInputRenderer<>(Kind.TEXT));
        put(TextareaElement.class, new TextInputRenderer<>(Kind.TEXTAREA));
        put(EmailElement.class, new TextInputRenderer<>(Kind.EMAIL));
        put(PhoneElement.class, new TextInputRenderer<>(Kind.PHONE));
        put(IbanElement.class, new TextInputRenderer<>(Kind.IBAN));
        put(NumberElement.class, new TextInputRenderer<>(Kind.NUMBER));
        put(IntegerElement.class, new TextInputRenderer<>(Kind.INTEGER));
        put(CurrencyElement.class, new TextInputRenderer<>(Kind.CURRENCY));
        put(DateElement.class, new DateRenderer());
        put(AddressElement.class, new AddressRenderer());
        put(ChoiceElement.class, ChoiceRenderers.CHOICE);
        put(YesNoElement.class, ChoiceRenderers.YES_NO);
        put(ConsentElement.class, ChoiceRenderers.CONSENT);
        put(FileElement.class, new FileRenderer());
        put(GroupElement.class, new GroupRenderer());
        put(SectionElement.class, StaticRenderers.SECTION);
        put(InfoElement.class, StaticRenderers.INFO);
        put(ComputedElement.class, StaticRenderers.COMPUTED);
        put(HiddenElement.class, StaticRenderers.HIDDEN);
        Arrays.stream(ElementType.values()).filter(t -> !byClass.containsKey(t.recordClass())).findAny()
                .ifPresent(t -> {
                    throw new IllegalStateException("no renderer for element type " + t.jsonName());
                });
    }

    private <E extends Element> void put(Class<E> type, FieldRenderer<E> renderer) {
        byClass.put(type, renderer);
    }

    @SuppressWarnings("unchecked")
    <E extends Element> Component render(E element, FieldRenderer.Scope scope, RenderContext context) {
        FieldRenderer<E> renderer = (FieldRenderer<E>) byClass.get(element.getClass());
        if (renderer == null) {
            throw new IllegalArgumentException("no renderer for " + element.getClass().getSimpleName());
        }
        return renderer.render(element, scope, context);
    }
}
