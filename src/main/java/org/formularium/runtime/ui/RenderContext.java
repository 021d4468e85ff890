package org.formularium.runtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.LocalizedText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** What the element strategies share while rendering: definition, language, registered bindings, events out. */
final class RenderContext implements Translator {

    private final FormDefinition definition;
    private final Locale locale;
    private final FieldRenderers renderers;
    private final FileUploads uploads;
    private final Map<String, FieldBinding> bindings = new LinkedHashMap<>();
    private final List<Consumer<String>> changeListeners = new ArrayList<>();
    private final List<Runnable> renderedListeners = new ArrayList<>();
    private final I18NProvider i18n;

    RenderContext(FormDefinition definition, Locale locale, FieldRenderers renderers, FileUploads uploads) {
        this.definition = definition;
        this.locale = locale;
        this.renderers = renderers;
        this.uploads = uploads;
        this.i18n = VaadinService.getCurrent() == null ? null : VaadinService.getCurrent().getInstantiator().getI18NProvider();
    }

    FormDefinition definition() {
        return definition;
    }

    Locale locale() {
        return locale;
    }

    FileUploads uploads() {
        return uploads;
    }

    Map<String, FieldBinding> bindings() {
        return bindings;
    }

    @Override
    public String getTranslation(String key, Object... params) {
        return i18n == null ? key : i18n.getTranslation(key, locale, params);
    }

    /** Renders elements of one scope in order (hidden values produce nothing). */
    List<Component> renderAll(List<Element> elements, FieldRenderer.Scope scope) {
        List<Component> components = new ArrayList<>();
        for (Element element : elements) {
            Component component = renderers.render(element, scope, this);
            if (component != null) {
                components.add(component);
            }
        }
        return components;
    }

    void register(FieldBinding binding) {
        bindings.put(binding.path(), binding);
    }

    /** Forgets the bindings below a path prefix (a group's items before they are rendered again). */
    void unregisterBelow(String prefix) {
        bindings.keySet().removeIf(path -> path.startsWith(prefix));
    }

    /** Called after a part of the page was rendered again without an answer changing (a group turned a page). */
    void onRendered(Runnable listener) {
        renderedListeners.add(listener);
    }

    void rendered() {
        List.copyOf(renderedListeners).forEach(Runnable::run);
    }

    void onChange(Consumer<String> listener) {
        changeListeners.add(listener);
    }

    /** An answer changed (path of the element). */
    void changed(String path) {
        List.copyOf(changeListeners).forEach(l -> l.accept(path));
    }

    String text(LocalizedText text) {
        return text == null ? "" : text.get(locale);
    }

    /** Marks a component {@code lang="de"} when its text falls back to German on a page in another language. */
    void markLanguage(Component component, LocalizedText text) {
        if (text != null && !LocalizedText.GERMAN.equals(locale.getLanguage())) {
            String own = text.values().get(locale.getLanguage());
            if (own == null || own.isEmpty()) {
                component.getElement().setAttribute("lang", LocalizedText.GERMAN);
            }
        }
    }

    /** The label as shown: the text plus " (Pflichtfeld)" / " (required)" when required. */
    String label(String text, boolean required) {
        return required ? text + " " + getTranslation("form.required.marker") : text;
    }

    private static final java.util.Set<String> AUTOFILL_FIELDS = java.util.Set.of(
            "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix", "nickname",
            "username", "new-password", "current-password", "one-time-code", "organization-title", "organization",
            "street-address", "address-line1", "address-line2", "address-line3", "address-level4", "address-level3",
            "address-level2", "address-level1", "country", "country-name", "postal-code", "cc-name", "cc-given-name",
            "cc-additional-name", "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc",
            "cc-type", "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month",
            "bday-year", "sex", "url", "photo", "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local",
            "tel-extension", "email", "impp", "on", "off");

    /**
     * Sets the definition's autocomplete token when HTML knows it ({@code iban}, for example, is not an HTML
     * autofill field: browsers and assistive technology ignore or misread unknown tokens, so it is left out).
     */
    static void autocomplete(Component field, String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        String[] parts = token.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        if (AUTOFILL_FIELDS.contains(parts[parts.length - 1])) {
            field.getElement().setAttribute("autocomplete", String.join(" ", parts));
        }
    }

    /** A stable DOM id for a data path. */
    static String fieldId(String path) {
        return "field-" + Objects.requireNonNull(path).replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
