package org.formularium.definition.logic;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date bound of a {@code date} element: an ISO date ({@code 2026-01-01}) or a date relative to today
 * ({@code today}, {@code today+30d}, {@code today-18y}, {@code today-6m}; units d, m, y).
 */
public final class RelativeDate {

    private static final Pattern RELATIVE = Pattern.compile("today(?:([+-])(\\d{1,5})([dmy]))?");

    private RelativeDate() {
    }

    /** Whether the text is a date bound this class understands. */
    public static boolean isValid(String text) {
        return resolve(text, LocalDate.of(2000, 1, 1)).isPresent();
    }

    /** Whether the bound moves with today. */
    public static boolean isRelative(String text) {
        return text != null && text.startsWith("today");
    }

    /** The date the bound stands for on {@code today}; empty when it is not a valid bound. */
    public static Optional<LocalDate> resolve(String text, LocalDate today) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = RELATIVE.matcher(text);
        if (matcher.matches()) {
            if (matcher.group(1) == null) {
                return Optional.of(today);
            }
            long amount = Long.parseLong(matcher.group(2)) * ("-".equals(matcher.group(1)) ? -1 : 1);
            return Optional.of(switch (matcher.group(3)) {
                case "d" -> today.plusDays(amount);
                case "m" -> today.plusMonths(amount);
                default -> today.plusYears(amount);
            });
        }
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
