package io.tribu.publishing.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, both ways: comma-separated, fields in double quotes may hold commas, line breaks and doubled quotes;
 * records end with CRLF or LF. Cells a spreadsheet would run as a formula are neutralised on the way out (a leading
 * apostrophe before {@code = + - @}, tab or CR, as analytics' exports do) and the apostrophe is taken off again on
 * the way in, so an exported calendar imports back unchanged.
 */
final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** One record and the line of the file it starts on (1-based). */
    record Record(int line, List<String> cells) {
    }

    /** The CSV is broken at {@code line}: an unclosed quote or text after a closing quote. */
    static final class Unreadable extends Exception {
        final int line;

        Unreadable(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private Csv() {
    }

    /** Reads at most {@code maxRecords} records (empty lines skipped); stops at {@code maxRecords + 1}, so the caller can refuse. */
    static List<Record> read(String text, int maxRecords) throws Unreadable {
        List<Record> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int length = text.length();
        while (i < length && records.size() <= maxRecords) {
            int start = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean ended = false;
            while (i < length && !ended) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        if (i < length && ",\r\n".indexOf(text.charAt(i)) < 0) {
                            throw new Unreadable(line, "text after a closing quote");
                        }
                        continue;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                    i++;
                } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    i++;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    ended = true;
                } else {
                    cell.append(c);
                    i++;
                }
            }
            if (quoted) {
                throw new Unreadable(start, "a quoted field is never closed");
            }
            cells.add(cell.toString());
            if (!(cells.size() == 1 && cells.get(0).isEmpty() && !wasQuoted)) {
                records.add(new Record(start, cells));
            }
        }
        return records;
    }

    /** A cell as read: the apostrophe an export put before a formula-like text is taken off. */
    static String unneutralised(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
