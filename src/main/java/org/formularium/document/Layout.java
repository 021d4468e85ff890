package org.formularium.document;

import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;

/** Page geometry of a receipt (A4 portrait, 2 cm side margins), in points from the lower left corner. */
final class Layout {

    static final Rectangle PAGE = PageSize.A4;
    static final float MARGIN = 56.7f;
    static final float LEFT = MARGIN;
    static final float RIGHT = PAGE.getWidth() - MARGIN;
    static final float WIDTH = RIGHT - LEFT;

    static final float HEADER_TOP = PAGE.getHeight() - 30;
    static final float HEADER_RULE = PAGE.getHeight() - 60;
    static final float BODY_TOP = PAGE.getHeight() - 74;
    static final float BODY_BOTTOM = 74;
    static final float FOOTER_RULE = 60;

    /** Label/value tables: label column, gap, value column. */
    static final float LABEL_RIGHT = LEFT + 170;
    static final float VALUE_LEFT = LABEL_RIGHT + 12;

    private Layout() {
    }
}
