package io.tribu.listening.query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a listening query breaks the grammar, and what the parser expected there. */
@Schema(name = "QuerySyntaxError")
public record SyntaxError(
        @Schema(examples = "unexpected end of query at position 9: expected a word, a \"phrase\", a field filter or '('")
        String message,
        @Schema(examples = "9", description = "1-based character position (offset + 1)") int position,
        @Schema(examples = "8", description = "0-based offset in UTF-16 code units, as JavaScript counts") int offset,
        @Schema(examples = "1", description = "1-based line") int line,
        @Schema(examples = "9", description = "1-based column in that line") int column,
        @Schema(examples = "0", description = "characters to underline from offset (0: at the end of the query)")
        int length,
        @Schema(examples = "a word, a \"phrase\", a field filter or '('") String expected) {
}
