package io.tribu.moderation.audit;

import java.util.List;

/**
 * RFC 4180 CSV, safe to open in a spreadsheet: a cell starting with =, +, - or @ is prefixed with a quote so it
 * is shown as text instead of being run as a formula.
 */
final class CsvText {

    private final StringBuilder out = new StringBuilder();

    CsvText row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
