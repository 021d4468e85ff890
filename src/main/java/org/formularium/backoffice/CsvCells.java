package org.formularium.backoffice;

/**
 * CSV for spreadsheets (German Excel and LibreOffice): {@code ;} separated, every cell quoted, and cells
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return) prefixed
 * with a single quote, so an answer like {@code =HYPERLINK(...)} stays text.
 */
final class CsvCells {

    static final char SEPARATOR = ';';
    static final String LINE_END = "\r\n";
    static final char BOM = '\uFEFF';

    private CsvCells() {
    }

    /** One cell, neutralised and quoted. */
    static String cell(String value) {
        String text = neutralise(value == null ? "" : value);
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    static String neutralise(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** A whole line of cells, with the line end. */
    static String line(Iterable<String> values) {
        StringBuilder line = new StringBuilder();
        for (String value : values) {
            if (!line.isEmpty()) {
                line.append(SEPARATOR);
            }
            line.append(cell(value));
        }
        return line.append(LINE_END).toString();
    }
}
