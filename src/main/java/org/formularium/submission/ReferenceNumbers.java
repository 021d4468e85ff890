package org.formularium.submission;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Hands out numbers of the reference sequence, fetched in blocks so that a submission does not need a
 * round trip of its own for its number. Unique across instances (each block comes from the sequence);
 * numbers of a block an instance does not use up before it stops are skipped.
 */
final class ReferenceNumbers {

    static final int BLOCK = 20;

    private final IntFunction<List<Long>> fetch;
    private final Deque<Long> free = new ArrayDeque<>();

    ReferenceNumbers(IntFunction<List<Long>> fetch) {
        this.fetch = fetch;
    }

    /** {@code FM-2026-000123}: the year and the number with at least six digits. */
    static String format(int year, long number) {
        String digits = Long.toString(number);
        StringBuilder reference = new StringBuilder(16).append("FM-").append(year).append('-');
        for (int i = digits.length(); i < 6; i++) {
            reference.append('0');
        }
        return reference.append(digits).toString();
    }

    synchronized long next() {
        if (free.isEmpty()) {
            free.addAll(fetch.apply(BLOCK));
        }
        return free.removeFirst();
    }
}
