package io.tribu.analytics.csv;

import java.util.List;

/** A measure that can also be answered as CSV (Accept: text/csv, or ?format=csv): a header and rows. */
public interface CsvTable {

    List<String> csvHeader();

    List<List<Object>> csvRows();
}
