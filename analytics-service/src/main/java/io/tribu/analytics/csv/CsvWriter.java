package io.tribu.analytics.csv;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes measures as RFC 4180 CSV (UTF-8, comma, CRLF, quotes doubled). Text cells that a spreadsheet
 * would run as a formula (=, +, -, @ first) get a leading apostrophe: mention texts come from strangers.
 * A plain map (decisions by action) becomes key,value rows.
 */
@Provider
@Produces("text/csv")
public class CsvWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return (CsvTable.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type))
                && mediaType.isCompatible(MediaType.valueOf(TEXT_CSV));
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=UTF-8");
        StringBuilder csv = new StringBuilder();
        if (value instanceof CsvTable table) {
            line(csv, List.copyOf(table.csvHeader()));
            table.csvRows().forEach(row -> line(csv, row));
        } else {
            line(csv, List.of("key", "value"));
            ((Map<?, ?>) value).forEach((key, cell) -> line(csv, java.util.Arrays.asList(key, cell)));
        }
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            // Seconds always written, as in the JSON answers (toString drops them at :00).
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
