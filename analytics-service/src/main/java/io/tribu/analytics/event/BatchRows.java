package io.tribu.analytics.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A batch's rows as ONE JSON parameter, which SQL reads back with
 * {@code jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(column type, ...)}: a multi-row statement
 * per batch instead of a statement per event, without one bind parameter per value.
 */
public final class BatchRows {

    private final ArrayNode rows = JsonNodeFactory.instance.arrayNode();

    public ObjectNode add() {
        return rows.addObject();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String json() {
        return rows.toString();
    }
}
