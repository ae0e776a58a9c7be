package io.tribu.platform.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableOwnersTest {

    @Test
    void aTableIsNamedWhereATableGoes() {
        assertTrue(TableOwners.names("update delivery d set state = 'x'", "delivery"));
        assertTrue(TableOwners.names("select 1 from due, post p, channel c", "post"));
        assertTrue(TableOwners.names("from Post p left join fetch p.variants", "post"));
        assertTrue(TableOwners.names("insert into post (id) values ($1)", "post"));
        assertTrue(TableOwners.names("a join\n  delivery on", "delivery"));
        assertFalse(TableOwners.names("insert into post_history (id) values ($1)", "post"));
        assertFalse(TableOwners.names("The post was moved by someone else", "post"));
        assertFalse(TableOwners.names("a token from POST /brands/{brandId}/calendar/feed-token", "post"));
        assertFalse(TableOwners.names("select post_id from delivery_log", "delivery"));
    }

    @Test
    void sqlOutsideItsOwnerFailsWithFileAndLine(@TempDir Path sources) throws IOException {
        Files.writeString(sources.resolve("ThingRepository.java"), """
                class ThingRepository {
                    String find = "select * from thing where id = $1";
                }
                """);
        Files.writeString(sources.resolve("Report.java"), """
                class Report {
                    // select * from thing: a comment is not SQL
                    String url = "http://example.org/from thing"; // from thing
                    String count = \"""
                            select count(*)
                            from other, thing t\""";
                }
                """);
        TableOwners owners = TableOwners.in(sources).table("thing", "ThingRepository");

        assertEquals(List.of("Report.java:3 names thing, whose SQL belongs to ThingRepository",
                "Report.java:4 names thing, whose SQL belongs to ThingRepository"), owners.strays());
        AssertionError failure = assertThrows(AssertionError.class, owners::assertOwned);
        assertTrue(failure.getMessage().contains("Report.java:4"), failure.getMessage());

        TableOwners.in(sources).table("thing", "ThingRepository").alsoIn("Report", "the report reads the things").assertOwned();
        assertThrows(IllegalArgumentException.class, () -> TableOwners.in(sources).alsoIn("Report", "no table yet"));
    }
}
