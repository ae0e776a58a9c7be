package io.tribu.listening.sql;

import java.util.List;
import java.util.function.Function;

/**
 * Column arrays for multi-row statements written as {@code insert ... select ... from unnest(cast(:a as text[]), ...)}:
 * one text array parameter per column whatever the number of rows, cast back to the column's type in SQL.
 * Hibernate parses and binds every named parameter of a statement, and persisting entities one by one costs
 * one statement each; this keeps a batch to one short statement.
 */
public final class Columns {

    private Columns() {
    }

    /** The column's values in row order, as text (null stays null): UUIDs, instants (ISO-8601), numbers, booleans, JSON. */
    public static <T> String[] of(List<T> rows, Function<T, Object> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            Object v = value.apply(rows.get(i));
            column[i] = v == null ? null : v.toString();
        }
        return column;
    }
}
