package org.formularium.submission;

import org.formularium.definition.outline.AnswerOutline;
import org.formularium.definition.outline.OutlineAnswer;
import org.formularium.definition.outline.OutlineEntry;
import org.formularium.definition.outline.OutlineGroup;
import org.formularium.definition.outline.OutlineItem;
import org.formularium.definition.outline.OutlinePage;
import org.formularium.definition.outline.OutlineSection;
import org.formularium.document.ReceiptBlock;
import org.formularium.document.ReceiptPage;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the answer outline (the one place answers are formatted) into the blocks of a PDF receipt:
 * answered inputs as label/value rows, sections as headed blocks, repeating groups as numbered items.
 */
final class ReceiptContent {

    private ReceiptContent() {
    }

    static List<ReceiptPage> pages(AnswerOutline outline) {
        List<ReceiptPage> pages = new ArrayList<>();
        for (OutlinePage page : outline.pages()) {
            List<ReceiptBlock> blocks = blocks(null, page.entries());
            if (!blocks.isEmpty()) {
                pages.add(new ReceiptPage(page.title(), blocks));
            }
        }
        return pages;
    }

    private static List<ReceiptBlock> blocks(String heading, List<OutlineEntry> entries) {
        List<ReceiptBlock> blocks = new ArrayList<>();
        List<ReceiptBlock.Row> rows = new ArrayList<>();
        String currentHeading = heading;
        for (OutlineEntry entry : entries) {
            if (entry instanceof OutlineAnswer answer) {
                if (answer.answered()) {
                    rows.add(new ReceiptBlock.Row(answer.label(), answer.displayValue()));
                }
            } else if (entry instanceof OutlineSection section) {
                flush(blocks, currentHeading, rows);
                currentHeading = null;
                blocks.addAll(blocks(section.title(), section.entries()));
            } else if (entry instanceof OutlineGroup group) {
                flush(blocks, currentHeading, rows);
                currentHeading = null;
                List<ReceiptBlock.Item> items = group.items().stream().map(ReceiptContent::item).toList();
                if (!items.isEmpty()) {
                    blocks.add(new ReceiptBlock.RepeatedItems(group.label(), items));
                }
            }
        }
        flush(blocks, currentHeading, rows);
        return blocks;
    }

    private static ReceiptBlock.Item item(OutlineItem item) {
        List<ReceiptBlock.Row> rows = new ArrayList<>();
        List<ReceiptBlock.RepeatedItems> nested = new ArrayList<>();
        collect(item.entries(), rows, nested);
        return new ReceiptBlock.Item(item.label(), rows, nested);
    }

    private static void collect(List<OutlineEntry> entries, List<ReceiptBlock.Row> rows,
                                List<ReceiptBlock.RepeatedItems> nested) {
        for (OutlineEntry entry : entries) {
            if (entry instanceof OutlineAnswer answer) {
                if (answer.answered()) {
                    rows.add(new ReceiptBlock.Row(answer.label(), answer.displayValue()));
                }
            } else if (entry instanceof OutlineSection section) {
                collect(section.entries(), rows, nested);
            } else if (entry instanceof OutlineGroup group) {
                nested.add(new ReceiptBlock.RepeatedItems(group.label(),
                        group.items().stream().map(ReceiptContent::item).toList()));
            }
        }
    }

    private static void flush(List<ReceiptBlock> blocks, String heading, List<ReceiptBlock.Row> rows) {
        if (!rows.isEmpty()) {
            blocks.add(new ReceiptBlock.Answers(heading, List.copyOf(rows)));
            rows.clear();
        }
    }
}
