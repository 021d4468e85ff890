package org.formularium.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * How values read in German and English: dates {@code 29.11.2026} / {@code 29 November 2026}, numbers
 * {@code 1.234,5} / {@code 1,234.5}, amounts {@code 1.234,50 €} / {@code €1,234.50}, file sizes
 * {@code 12,3 KB}. Every language other than English is formatted the German way. Uses plain spaces.
 */
public final class DisplayFormat {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DisplayFormat() {
    }

    /** Whether the locale is formatted the English way. */
    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static String date(LocalDate date, Locale locale) {
        return (isEnglish(locale) ? ENGLISH_DATE : GERMAN_DATE).format(date);
    }

    /** A number with grouping and as many decimals as it has (at most {@code maxDecimals}). */
    public static String number(BigDecimal value, int maxDecimals, Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0", symbols(locale));
        format.setMaximumFractionDigits(Math.max(0, maxDecimals));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /**
     * A whole number: grouped from five digits on ({@code 12.500}), four digits as written ({@code 2025} — a
     * year, a postcode-like count; DIN 5008 leaves four digits ungrouped).
     */
    public static String integer(BigDecimal value, Locale locale) {
        if (value.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
            DecimalFormat format = new DecimalFormat("0", symbols(locale));
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format.format(value);
        }
        return number(value, 0, locale);
    }

    /** An amount with two decimals and the currency symbol. */
    public static String currency(BigDecimal value, String currencyCode, Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        String amount = format.format(value.abs());
        String sign = value.signum() < 0 ? "-" : "";
        String symbol = symbol(currencyCode, locale);
        if (isEnglish(locale)) {
            return sign + symbol + (symbol.length() > 1 ? " " : "") + amount;
        }
        return sign + amount + " " + symbol;
    }

    /** A file size in bytes as KB (one decimal) or, from 1024 KB, MB. */
    public static String fileSize(long bytes, Locale locale) {
        BigDecimal kb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
        if (kb.compareTo(BigDecimal.valueOf(1024)) < 0) {
            return number(kb, 1, locale) + " KB";
        }
        BigDecimal mb = kb.divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
        return number(mb, 1, locale) + " MB";
    }

    /** A list as {@code a, b oder c} / {@code a, b or c}. */
    public static String list(List<String> items, Locale locale) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        String last = items.get(items.size() - 1);
        return String.join(", ", items.subList(0, items.size() - 1)) + (isEnglish(locale) ? " or " : " oder ") + last;
    }

    private static String symbol(String currencyCode, Locale locale) {
        if ("EUR".equals(currencyCode)) {
            return "€";
        }
        try {
            return Currency.getInstance(currencyCode).getSymbol(isEnglish(locale) ? Locale.UK : Locale.GERMANY);
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(currencyCode);
        }
    }

    private static DecimalFormatSymbols symbols(Locale locale) {
        return DecimalFormatSymbols.getInstance(isEnglish(locale) ? Locale.UK : Locale.GERMANY);
    }
}
