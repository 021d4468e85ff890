package org.formularium.document;

import java.util.List;
import java.util.Objects;

/** One page of the form as it appears on the receipt: a second-level heading and its blocks. */
public record ReceiptPage(String title, List<ReceiptBlock> blocks) {

    public ReceiptPage {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
