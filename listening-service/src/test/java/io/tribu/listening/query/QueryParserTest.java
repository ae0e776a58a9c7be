package io.tribu.listening.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParserTest {

    private static String canonical(String query) {
        return QueryParser.parse(query).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            lumiere                               | lumiere
            café AND lumière                      | (café AND lumière)
            café lumière                          | (café AND lumière)
            café OR thé                           | (café OR thé)
            NOT décaféiné                         | NOT décaféiné
            café NOT décaféiné                    | (café AND NOT décaféiné)
            café AND NOT décaféiné                | (café AND NOT décaféiné)
            a OR b AND c                          | (a OR (b AND c))
            a AND b OR c                          | ((a AND b) OR c)
            a b OR c d                            | ((a AND b) OR (c AND d))
            NOT a AND b                           | (NOT a AND b)
            NOT a OR b                            | (NOT a OR b)
            NOT (a OR b)                          | NOT (a OR b)
            NOT NOT a                             | NOT NOT a
            (a OR b) AND c                        | ((a OR b) AND c)
            ((a))                                 | a
            "café lumière"                        | "café lumière"
            "  café   lumière "                   | "café lumière"
            café NEAR/5 lumière                   | (café NEAR/5 lumière)
            "service client" NEAR/10 lent         | ("service client" NEAR/10 lent)
            a NEAR/2 b OR c                       | ((a NEAR/2 b) OR c)
            NOT a NEAR/3 b                        | NOT (a NEAR/3 b)
            a NEAR/3 b NEAR/4 c                   | ((a NEAR/3 b) NEAR/4 c)
            (a OR b) NEAR/3 c                     | ((a OR b) NEAR/3 c)
            cosmet*                               | cosmet*
            colo?r                                | colo?r
            #CafeLumiere                          | #CafeLumiere
            @cafelumiere                          | @cafelumiere
            lang:fr                               | lang:fr
            lang:FR café                          | (lang:fr AND café)
            source:mastodon OR source:bluesky     | (source:mastodon OR source:bluesky)
            author:@jean                          | author:@jean
            author:"Jean Dupont"                  | author:"Jean Dupont"
            and or not                            | (and AND or AND not)
            café AND(thé OR lait)                 | (café AND (thé OR lait))
            ORANGE NOTE ANDROID                   | (ORANGE AND NOTE AND ANDROID)
            "a"b                                  | ("a" AND b)
            """)
    void parsesOperatorsWithPrecedence(String query, String expected) {
        assertEquals(expected, canonical(query));
    }

    @Test
    void buildsTypedNodes() {
        QueryNode.Near near = assertInstanceOf(QueryNode.Near.class, QueryParser.parse("x NEAR/7 \"y z\""));
        assertEquals(7, near.distance());
        assertEquals(new QueryNode.Term("x"), near.left());
        assertEquals(new QueryNode.Phrase("y z"), near.right());
        assertTrue(new QueryNode.Term("cosmet*").wildcard());
        assertFalse(new QueryNode.Term("#cosmet").wildcard());
        assertEquals(new QueryNode.Field("author", "Jean Dupont"), QueryParser.parse("author:\"Jean Dupont\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                     | 1  | a word
            café AND               | 9  | a word
            café OR OR thé         | 9  | a word
            AND café               | 1  | a word
            (café OR thé           | 13 | ')'
            café)                  | 5  | an operator or the end of the query
            ()                     | 2  | a word
            "café lumière          | 14 | a closing '"'
            café ""                | 6  | words between the quotes
            a NEAR/ b              | 8  | a distance in words
            a NEAR/x b             | 8  | a distance in words
            a NEAR/0 b             | 8  | a distance between 1 and 100
            a NEAR/101 b           | 8  | a distance between 1 and 100
            a NEAR/5               | 9  | a word
            NEAR/5 b               | 1  | a word
            colour:red             | 1  | one of author, lang, source
            lang:                  | 6  | a value after 'lang:'
            # OR a                 | 2  | a name after '#'
            @                      | 2  | a name after '@'
            *                      | 1  | at least one letter
            café NOT               | 9  | a word
            """)
    void reportsPositionAndExpectation(String query, int position, String expectedStart) {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query));
        assertEquals(position, error.position(), error.getMessage());
        assertTrue(error.expected().contains(expectedStart), error.expected());
        assertTrue(error.getMessage().contains("at position " + position + ": expected "), error.getMessage());
    }

    @Test
    void nullIsAnError() {
        assertEquals(1, assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(null)).position());
    }
}
