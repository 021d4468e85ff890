package org.formularium.definition.outline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.formularium.definition.DisplayFormat;
import org.formularium.definition.evaluation.Evaluation;
import org.formularium.definition.model.AddressElement;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.ComputedElement;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.Element;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.HiddenElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.Page;
import org.formularium.definition.model.SectionElement;

/** Builds an {@link AnswerOutline}; one display rule per element type in {@link #display}. */
final class OutlineBuilder {

    private final FormDefinition definition;
    private final Evaluation evaluation;
    private final Locale locale;

    OutlineBuilder(FormDefinition definition, Evaluation evaluation, Locale locale) {
        this.definition = definition;
        this.evaluation = evaluation;
        this.locale = locale;
    }

    AnswerOutline build() {
        List<OutlinePage> pages = new ArrayList<>();
        for (Page page : definition.pages()) {
            if (evaluation.isVisible(page.key())) {
                pages.add(new OutlinePage(page.key(), text(page.title()), entries(page.elements(), evaluation.data(), "")));
            }
        }
        return new AnswerOutline(definition.key(), text(definition.title()), locale, pages);
    }

    private List<OutlineEntry> entries(List<Element> elements, JsonNode data, String prefix) {
        List<OutlineEntry> entries = new ArrayList<>();
        for (Element element : elements) {
            String path = prefix + element.key();
            if (!evaluation.isVisible(path) || element instanceof HiddenElement) {
                continue;
            }
            if (element instanceof SectionElement section) {
                List<OutlineEntry> children = entries(section.elements(), data, prefix);
                if (!children.isEmpty()) {
                    entries.add(new OutlineSection(section.key(), text(section.title()), children));
                }
            } else if (element instanceof GroupElement group) {
                entries.add(group(group, data.get(group.key()), path));
            } else if (element instanceof InputElement input) {
                JsonNode value = data.get(input.key());
                boolean answered = value != null && !value.isNull();
                entries.add(new OutlineAnswer(path, input.key(), input.type(), text(input.label()),
                        answered ? display(input, value) : "", answered));
            }
        }
        return entries;
    }

    private OutlineGroup group(GroupElement group, JsonNode items, String path) {
        List<OutlineItem> outlineItems = new ArrayList<>();
        if (items != null && items.isArray()) {
            String itemLabel = text(group.itemLabel() != null ? group.itemLabel() : group.label());
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                outlineItems.add(new OutlineItem(itemPath, itemLabel + " " + (i + 1),
                        entries(group.elements(), items.get(i), itemPath + ".")));
            }
        }
        return new OutlineGroup(path, group.key(), text(group.label()), outlineItems);
    }

    /** The answer as people read it in the outline's language. */
    String display(InputElement element, JsonNode value) {
        return switch (element.type()) {
            case NUMBER -> value.isNumber()
                    ? withUnit(DisplayFormat.number(value.decimalValue(), ((NumberElement) element).scaleOrDefault(), locale),
                    ((NumberElement) element).unit())
                    : value.asText();
            case INTEGER -> value.isNumber()
                    ? withUnit(DisplayFormat.integer(value.decimalValue(), locale),
                    ((org.formularium.definition.model.IntegerElement) element).unit())
                    : value.asText();
            case CURRENCY -> value.isNumber()
                    ? DisplayFormat.currency(value.decimalValue(), ((CurrencyElement) element).currencyCodeOrDefault(), locale)
                    : value.asText();
            case DATE -> date(value);
            case IBAN -> iban(value.asText());
            case ADDRESS -> address((AddressElement) element, value);
            case CHOICE -> choice((ChoiceElement) element, value);
            case YESNO, CONSENT -> value.isBoolean() ? yesNo(value.booleanValue()) : value.asText();
            case FILE -> files(value);
            case COMPUTED -> computed((ComputedElement) element, value);
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }

    private String withUnit(String number, LocalizedText unit) {
        return unit == null ? number : number + " " + text(unit);
    }

    private String date(JsonNode value) {
        try {
            return DisplayFormat.date(LocalDate.parse(value.asText()), locale);
        } catch (DateTimeException e) {
            return value.asText();
        }
    }

    private static String iban(String iban) {
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private String address(AddressElement element, JsonNode value) {
        if (!value.isObject()) {
            return value.asText();
        }
        String street = (value.path("street").asText("") + " " + value.path("houseNumber").asText("")).strip();
        String city = (value.path("postalCode").asText("") + " " + value.path("city").asText("")).strip();
        List<String> lines = new ArrayList<>(List.of(street, city));
        String country = value.path("country").asText("");
        if (!country.isEmpty() && !"DE".equals(country)) {
            lines.add(new Locale("", country).getDisplayCountry(DisplayFormat.isEnglish(locale) ? Locale.ENGLISH : Locale.GERMAN));
        }
        return String.join("\n", lines.stream().filter(line -> !line.isEmpty()).toList());
    }

    private String choice(ChoiceElement element, JsonNode value) {
        List<Option> options = definition.optionsOf(element);
        List<JsonNode> selected = value.isArray()
                ? StreamSupport.stream(value.spliterator(), false).toList()
                : List.of(value);
        return String.join(", ", selected.stream().map(v -> options.stream()
                .filter(o -> o.value().equals(v.asText()))
                .findFirst()
                .map(o -> text(o.label()))
                .orElse(v.asText())).toList());
    }

    private String yesNo(boolean yes) {
        if (DisplayFormat.isEnglish(locale)) {
            return yes ? "Yes" : "No";
        }
        return yes ? "Ja" : "Nein";
    }

    private String files(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> files = new ArrayList<>();
        for (JsonNode file : value) {
            files.add(file.path("name").asText("?") + " (" + DisplayFormat.fileSize(file.path("size").asLong(), locale) + ")");
        }
        return String.join("\n", files);
    }

    private String computed(ComputedElement element, JsonNode value) {
        return switch (element.formatOrDefault()) {
            case "number" -> value.isNumber() ? DisplayFormat.number(value.decimalValue(), 10, locale) : value.asText();
            case "currency" -> value.isNumber() ? DisplayFormat.currency(value.decimalValue(), "EUR", locale) : value.asText();
            case "date" -> date(value);
            default -> value.isValueNode() ? value.asText() : value.toString();
        };
    }

    private String text(LocalizedText text) {
        return text == null ? "" : text.get(locale);
    }
}
