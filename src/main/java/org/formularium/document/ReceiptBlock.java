package org.formularium.document;

import java.util.List;
import java.util.Objects;

/** A block of answers on a receipt page. */
public sealed interface ReceiptBlock {

    /** One answer: the field's label and its display value (may contain line breaks). */
    record Row(String label, String value) {
        public Row {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** Label/value rows, optionally under a section heading ({@code null} for none). */
    record Answers(String heading, List<Row> rows) implements ReceiptBlock {
        public Answers {
            rows = List.copyOf(rows);
        }

        public Answers(List<Row> rows) {
            this(null, rows);
        }
    }

    /** A repeating group: a heading ({@code null} for none) and its numbered items. */
    record RepeatedItems(String heading, List<Item> items) implements ReceiptBlock {
        public RepeatedItems {
            items = List.copyOf(items);
        }
    }

    /** One item of a repeating group, e.g. "Kind 2", with its rows and optional nested groups. */
    record Item(String title, List<Row> rows, List<RepeatedItems> nested) {
        public Item {
            Objects.requireNonNull(title, "title");
            rows = List.copyOf(rows);
            nested = List.copyOf(nested);
        }

        public Item(String title, List<Row> rows) {
            this(title, rows, List.of());
        }
    }
}
