package io.tribu.listening.source.mastodon;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MastodonConnectorTest {

    @Test
    void statusIdsCompareAsNumbersNotText() {
        assertEquals("113500000000000010", MastodonConnector.newer("99999999999999999", "113500000000000010"));
        assertEquals("113500000000000010", MastodonConnector.newer("113500000000000010", "113500000000000009"));
        assertEquals("5", MastodonConnector.newer(null, "5"));
    }
}
