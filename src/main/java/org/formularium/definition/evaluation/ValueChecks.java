package org.formularium.definition.evaluation;

import static org.formularium.definition.evaluation.DataErrorCode.*;
import static org.formularium.definition.evaluation.Messages.plain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.formularium.definition.DisplayFormat;
import org.formularium.definition.logic.RelativeDate;
import org.formularium.definition.model.AddressElement;
import org.formularium.definition.model.ChoiceElement;
import org.formularium.definition.model.ConsentElement;
import org.formularium.definition.model.CurrencyElement;
import org.formularium.definition.model.DateElement;
import org.formularium.definition.model.EmailElement;
import org.formularium.definition.model.FileElement;
import org.formularium.definition.model.FormDefinition;
import org.formularium.definition.model.GroupElement;
import org.formularium.definition.model.IbanElement;
import org.formularium.definition.model.InputElement;
import org.formularium.definition.model.IntegerElement;
import org.formularium.definition.model.LocalizedText;
import org.formularium.definition.model.NumberElement;
import org.formularium.definition.model.Option;
import org.formularium.definition.model.TextElement;
import org.formularium.definition.model.TextareaElement;

/** Checks one answer against its element, one method per element type. Reports through {@link Sink}. */
final class ValueChecks {

    /** Receives the errors of one check. */
    interface Sink {
        void error(String path, DataErrorCode code, LocalizedText message);
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern PHONE = Pattern.compile("[0-9 +\\-/()]{5,25}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("DE", 22), Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("NL", 18), Map.entry("BE", 16),
            Map.entry("LU", 20), Map.entry("FR", 27), Map.entry("IT", 27), Map.entry("ES", 24), Map.entry("PL", 28),
            Map.entry("DK", 18), Map.entry("CZ", 24), Map.entry("GB", 22), Map.entry("LI", 21));
    private static final Map<String, Pattern> POSTAL_CODES = Map.of(
            "DE", Pattern.compile("[0-9]{5}"), "AT", Pattern.compile("[0-9]{4}"), "CH", Pattern.compile("[0-9]{4}"),
            "BE", Pattern.compile("[0-9]{4}"), "LU", Pattern.compile("[0-9]{4}"), "DK", Pattern.compile("[0-9]{4}"),
            "NL", Pattern.compile("[0-9]{4} ?[A-Z]{2}"), "PL", Pattern.compile("[0-9]{2}-[0-9]{3}"));
    private static final Pattern OTHER_POSTAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Map<String, String[]> ADDRESS_PART_NAMES = Map.of(
            "street", new String[] {"die Straße", "the street"},
            "houseNumber", new String[] {"die Hausnummer", "the house number"},
            "postalCode", new String[] {"die Postleitzahl", "the postcode"},
            "city", new String[] {"den Ort", "the town or city"});

    private final FormDefinition definition;
    private final LocalDate today;
    private final Sink sink;

    ValueChecks(FormDefinition definition, LocalDate today, Sink sink) {
        this.definition = definition;
        this.today = today;
        this.sink = sink;
    }

    /** Checks an answer ({@code null} when unanswered) of a visible element. Groups: only the item count. */
    void check(InputElement element, JsonNode value, String path, boolean required) {
        if (value == null) {
            missing(element, path, required);
            return;
        }
        switch (element.type()) {
            case TEXT -> text((TextElement) element, value, path);
            case TEXTAREA -> {
                TextareaElement area = (TextareaElement) element;
                length(area, value, path, area.minLength(), area.maxLengthOrDefault());
            }
            case EMAIL -> email((EmailElement) element, value, path);
            case PHONE -> phone(element, value, path);
            case IBAN -> iban((IbanElement) element, value, path);
            case NUMBER -> number((NumberElement) element, value, path);
            case INTEGER -> integer((IntegerElement) element, value, path);
            case CURRENCY -> currency((CurrencyElement) element, value, path);
            case DATE -> date((DateElement) element, value, path);
            case ADDRESS -> address((AddressElement) element, value, path);
            case CHOICE -> choice((ChoiceElement) element, value, path);
            case CONSENT -> consent((ConsentElement) element, value, path, required);
            case FILE -> files((FileElement) element, value, path, required);
            case GROUP -> items((GroupElement) element, value, path);
            case YESNO -> {
                if (!value.isBoolean()) {
                    wrongType(element, path);
                }
            }
            default -> {
            }
        }
    }

    private void missing(InputElement element, String path, boolean required) {
        if (element instanceof ConsentElement && required) {
            error(path, CONSENT_REQUIRED, "CONSENT_REQUIRED", element);
        } else if (element instanceof GroupElement group) {
            if (required) {
                error(path, REQUIRED, "REQUIRED.group", element);
            } else if (group.minItemsOrDefault() > 0) {
                error(path, TOO_FEW_ITEMS, "TOO_FEW_ITEMS", element, "min", plain(group.minItemsOrDefault()));
            }
        } else if (required) {
            String variant = switch (element.type()) {
                case CHOICE, YESNO -> "REQUIRED.choose";
                case FILE -> "REQUIRED.upload";
                default -> "REQUIRED";
            };
            error(path, REQUIRED, variant, element);
        }
    }

    // ---- text-like --------------------------------------------------------------------------------

    private void text(TextElement element, JsonNode value, String path) {
        if (!length(element, value, path, element.minLength(), element.maxLengthOrDefault())) {
            return;
        }
        if (element.pattern() != null && !pattern(element.pattern()).matcher(value.asText()).matches()) {
            LocalizedText message = element.patternMessage() != null
                    ? element.patternMessage()
                    : Messages.message("PATTERN_MISMATCH", element.label());
            sink.error(path, PATTERN_MISMATCH, message);
        }
    }

    /** Checks type and length; returns whether further checks make sense. */
    private boolean length(InputElement element, JsonNode value, String path, Integer min, int max) {
        if (!value.isTextual()) {
            wrongType(element, path);
            return false;
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        if (min != null && length < min) {
            error(path, TOO_SHORT, "TOO_SHORT", element, "min", plain(min));
            return false;
        }
        if (length > max) {
            error(path, TOO_LONG, "TOO_LONG", element, "max", plain(max));
            return false;
        }
        return true;
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    private void email(EmailElement element, JsonNode value, String path) {
        if (length(element, value, path, null, element.maxLengthOrDefault())
                && !EMAIL.matcher(value.asText()).matches()) {
            error(path, INVALID_EMAIL, "INVALID_EMAIL", element);
        }
    }

    private void phone(InputElement element, JsonNode value, String path) {
        if (!value.isTextual()) {
            wrongType(element, path);
            return;
        }
        String phone = value.asText();
        long digits = phone.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(phone).matches() || digits < 5) {
            error(path, INVALID_PHONE, "INVALID_PHONE", element);
        }
    }

    private void iban(IbanElement element, JsonNode value, String path) {
        if (!value.isTextual()) {
            wrongType(element, path);
            return;
        }
        String iban = value.asText();
        if (!isValidIban(iban)) {
            error(path, INVALID_IBAN, "INVALID_IBAN", element);
        } else if (element.countries() != null && !element.countries().contains(iban.substring(0, 2))) {
            error(path, INVALID_IBAN, "INVALID_IBAN.country", element,
                    "countries", plain(String.join(", ", element.countries())));
        }
    }

    /** Format, country length where known, and the mod-97 checksum of ISO 13616. */
    static boolean isValidIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
        if (length != null && iban.length() != length) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    // ---- numbers ----------------------------------------------------------------------------------

    private BigDecimal numeric(InputElement element, JsonNode value, String path) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            error(path, NOT_A_NUMBER, "NOT_A_NUMBER", element);
        } else {
            wrongType(element, path);
        }
        return null;
    }

    private void number(NumberElement element, JsonNode value, String path) {
        BigDecimal number = numeric(element, value, path);
        if (number == null) {
            return;
        }
        if (decimals(number) > element.scaleOrDefault()) {
            error(path, TOO_MANY_DECIMALS, "TOO_MANY_DECIMALS", element, "scale", plain(element.scaleOrDefault()));
            return;
        }
        bounds(element, number, path, element.min(), element.max(),
                bound -> locale -> DisplayFormat.number(bound, element.scaleOrDefault(), locale));
    }

    private void integer(IntegerElement element, JsonNode value, String path) {
        BigDecimal number = numeric(element, value, path);
        if (number == null) {
            return;
        }
        if (decimals(number) > 0) {
            error(path, NOT_AN_INTEGER, "NOT_AN_INTEGER", element);
            return;
        }
        bounds(element, number, path, element.min() == null ? null : BigDecimal.valueOf(element.min()),
                element.max() == null ? null : BigDecimal.valueOf(element.max()),
                bound -> locale -> DisplayFormat.integer(bound, locale));
    }

    private void currency(CurrencyElement element, JsonNode value, String path) {
        BigDecimal amount = numeric(element, value, path);
        if (amount == null) {
            return;
        }
        if (decimals(amount) > 2) {
            error(path, TOO_MANY_DECIMALS, "TOO_MANY_DECIMALS", element, "scale", plain(2));
            return;
        }
        bounds(element, amount, path, element.min(), element.max(),
                bound -> locale -> DisplayFormat.currency(bound, element.currencyCodeOrDefault(), locale));
    }

    private void bounds(InputElement element, BigDecimal value, String path, BigDecimal min, BigDecimal max,
                        Function<BigDecimal, Function<Locale, String>> format) {
        if (min != null && value.compareTo(min) < 0) {
            error(path, TOO_SMALL, "TOO_SMALL", element, "min", format.apply(min));
        } else if (max != null && value.compareTo(max) > 0) {
            error(path, TOO_LARGE, "TOO_LARGE", element, "max", format.apply(max));
        }
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    // ---- dates ------------------------------------------------------------------------------------

    private void date(DateElement element, JsonNode value, String path) {
        LocalDate date = parseDate(value);
        if (date == null) {
            if (value.isTextual()) {
                error(path, INVALID_DATE, "INVALID_DATE", element);
            } else {
                wrongType(element, path);
            }
            return;
        }
        LocalDate min = RelativeDate.resolve(element.minDate(), today).orElse(null);
        LocalDate max = RelativeDate.resolve(element.maxDate(), today).orElse(null);
        if (min != null && date.isBefore(min)) {
            error(path, DATE_TOO_EARLY, "DATE_TOO_EARLY", element, "min", locale -> DisplayFormat.date(min, locale));
        } else if (max != null && date.isAfter(max)) {
            error(path, DATE_TOO_LATE, "DATE_TOO_LATE", element, "max", locale -> DisplayFormat.date(max, locale));
        }
    }

    /** The date of a {@code YYYY-MM-DD} string, else {@code null}. */
    static LocalDate parseDate(JsonNode value) {
        if (value == null || !value.isTextual() || !value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ---- address ----------------------------------------------------------------------------------

    private void address(AddressElement element, JsonNode value, String path) {
        if (!value.isObject()) {
            wrongType(element, path);
            return;
        }
        for (String part : Normalizer.ADDRESS_PARTS) {
            String partPath = path + "." + part;
            JsonNode partValue = value.get(part);
            if (partValue != null && !partValue.isTextual()) {
                wrongType(element, partPath);
            } else if (partValue == null && ADDRESS_PART_NAMES.containsKey(part)
                    && (!"houseNumber".equals(part) || element.requireHouseNumberOrTrue())) {
                String[] names = ADDRESS_PART_NAMES.get(part);
                error(partPath, REQUIRED, "REQUIRED.part", element,
                        "part", locale -> DisplayFormat.isEnglish(locale) ? names[1] : names[0]);
            }
        }
        JsonNode country = value.get("country");
        List<String> countries = element.countriesOrDefault();
        if (country == null || (country.isTextual() && !countries.contains(country.asText()))) {
            error(path + ".country", UNKNOWN_OPTION, "UNKNOWN_OPTION.country", element, "countries",
                    locale -> DisplayFormat.list(countries.stream()
                            .map(c -> new Locale("", c).getDisplayCountry(DisplayFormat.isEnglish(locale)
                                    ? Locale.ENGLISH : Locale.GERMAN)).toList(), locale));
        }
        JsonNode postalCode = value.get("postalCode");
        if (postalCode != null && postalCode.isTextual() && country != null && country.isTextual()) {
            Pattern format = POSTAL_CODES.getOrDefault(country.asText(), OTHER_POSTAL_CODE);
            if (!format.matcher(postalCode.asText()).matches()) {
                error(path + ".postalCode", INVALID_POSTAL_CODE, "INVALID_POSTAL_CODE", element);
            }
        }
    }

    // ---- choices ----------------------------------------------------------------------------------

    private void choice(ChoiceElement element, JsonNode value, String path) {
        Set<String> values = new HashSet<>();
        for (Option option : definition.optionsOf(element)) {
            values.add(option.value());
        }
        if (!element.multiple()) {
            if (!value.isTextual()) {
                wrongType(element, path);
            } else if (!values.contains(value.asText())) {
                error(path, UNKNOWN_OPTION, "UNKNOWN_OPTION", element);
            }
            return;
        }
        if (!value.isArray()) {
            wrongType(element, path);
            return;
        }
        for (JsonNode selected : value) {
            if (!selected.isTextual() || !values.contains(selected.asText())) {
                error(path, UNKNOWN_OPTION, "UNKNOWN_OPTION", element);
                return;
            }
        }
        if (element.minSelected() != null && value.size() < element.minSelected()) {
            error(path, TOO_FEW_SELECTED, "TOO_FEW_SELECTED", element, "min", plain(element.minSelected()));
        } else if (element.maxSelected() != null && value.size() > element.maxSelected()) {
            error(path, TOO_MANY_SELECTED, "TOO_MANY_SELECTED", element, "max", plain(element.maxSelected()));
        }
    }

    private void consent(ConsentElement element, JsonNode value, String path, boolean required) {
        if (!value.isBoolean()) {
            wrongType(element, path);
        } else if (required && !value.booleanValue()) {
            error(path, CONSENT_REQUIRED, "CONSENT_REQUIRED", element);
        }
    }

    // ---- files and groups -------------------------------------------------------------------------

    private void files(FileElement element, JsonNode value, String path, boolean required) {
        if (!value.isArray()) {
            wrongType(element, path);
            return;
        }
        int min = element.minFilesOrDefault(required);
        if (value.size() < min) {
            error(path, TOO_FEW_FILES, "TOO_FEW_FILES", element, "min", plain(min));
        } else if (value.size() > element.maxFilesOrDefault()) {
            error(path, TOO_MANY_FILES, "TOO_MANY_FILES", element, "max", plain(element.maxFilesOrDefault()));
        }
        long maxBytes = element.maxSizeKbOrDefault() * 1024L;
        for (int i = 0; i < value.size(); i++) {
            JsonNode file = value.get(i);
            String filePath = path + "[" + i + "]";
            if (!isFile(file)) {
                error(filePath, WRONG_TYPE, "WRONG_TYPE.file", element);
                continue;
            }
            String name = file.get("name").asText();
            if (!accepts(element.acceptOrDefault(), file.get("mediaType").asText())) {
                error(filePath, FILE_TYPE_NOT_ALLOWED, "FILE_TYPE_NOT_ALLOWED", element, "name", plain(name),
                        "types", locale -> DisplayFormat.list(element.acceptOrDefault().stream()
                                .map(type -> mediaTypeName(type, locale)).toList(), locale));
            } else if (file.get("size").longValue() > maxBytes) {
                error(filePath, FILE_TOO_LARGE, "FILE_TOO_LARGE", element, "name", plain(name),
                        "max", locale -> DisplayFormat.fileSize(maxBytes, locale));
            }
        }
    }

    private static boolean isFile(JsonNode file) {
        return file.isObject() && file.path("id").isTextual() && file.path("name").isTextual()
                && file.path("size").isIntegralNumber() && file.path("size").longValue() >= 0
                && file.path("mediaType").isTextual() && file.path("sha256").isTextual();
    }

    static boolean accepts(List<String> accept, String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        for (String allowed : accept) {
            if (allowed.equals(type) || (allowed.endsWith("/*")
                    && type.startsWith(allowed.substring(0, allowed.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String mediaTypeName(String mediaType, Locale locale) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPG";
            case "image/png" -> "PNG";
            case "image/*" -> DisplayFormat.isEnglish(locale) ? "image" : "Bild";
            default -> mediaType.substring(mediaType.indexOf('/') + 1).toUpperCase(Locale.ROOT);
        };
    }

    private void items(GroupElement element, JsonNode value, String path) {
        if (!value.isArray()) {
            wrongType(element, path);
            return;
        }
        if (value.size() < element.minItemsOrDefault()) {
            error(path, TOO_FEW_ITEMS, "TOO_FEW_ITEMS", element, "min", plain(element.minItemsOrDefault()));
        } else if (value.size() > element.maxItemsOrDefault()) {
            error(path, TOO_MANY_ITEMS, "TOO_MANY_ITEMS", element, "max", plain(element.maxItemsOrDefault()));
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                wrongType(element, path + "[" + i + "]");
            }
        }
    }

    // ---- reporting --------------------------------------------------------------------------------

    private void wrongType(InputElement element, String path) {
        error(path, WRONG_TYPE, "WRONG_TYPE", element);
    }

    private void error(String path, DataErrorCode code, String template, InputElement element) {
        sink.error(path, code, Messages.message(template, element.label()));
    }

    private void error(String path, DataErrorCode code, String template, InputElement element,
                       String name, Function<Locale, String> arg) {
        sink.error(path, code, Messages.message(template, element.label(), Map.of(name, arg)));
    }

    private void error(String path, DataErrorCode code, String template, InputElement element,
                       String name1, Function<Locale, String> arg1, String name2, Function<Locale, String> arg2) {
        sink.error(path, code, Messages.message(template, element.label(), Map.of(name1, arg1, name2, arg2)));
    }
}
