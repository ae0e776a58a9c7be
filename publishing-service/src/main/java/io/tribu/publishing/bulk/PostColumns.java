package io.tribu.publishing.bulk;

import io.tribu.publishing.network.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of a calendar file, the same for export and import: {@code id} and {@code status} (written by the
 * export, ignored by the import), {@code title}, {@code plannedAt} (ISO-8601 instant, empty: unplanned),
 * {@code tags} (separated by {@code |}), {@code campaignId}, then per network its text ({@code mastodon}) and its
 * media URLs separated by spaces ({@code mastodon.media}). An empty text means no variant for that network.
 */
final class PostColumns {

    static final String ID = "id";
    static final String STATUS = "status";
    static final String TITLE = "title";
    static final String PLANNED_AT = "plannedAt";
    static final String TAGS = "tags";
    static final String CAMPAIGN_ID = "campaignId";
    static final String MEDIA_SUFFIX = ".media";
    static final String TAG_SEPARATOR = "|";

    private PostColumns() {
    }

    /** Every column, in the export's order. */
    static List<String> all() {
        List<String> columns = new ArrayList<>(List.of(ID, STATUS, TITLE, PLANNED_AT, TAGS, CAMPAIGN_ID));
        for (Network network : Network.values()) {
            columns.add(network.wire());
            columns.add(network.wire() + MEDIA_SUFFIX);
        }
        return columns;
    }

    static List<String> networks() {
        return Arrays.stream(Network.values()).map(Network::wire).toList();
    }
}
