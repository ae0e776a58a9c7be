package io.tribu.listening.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an expression follows the grammar; nothing is saved. */
@Schema(name = "QueryCheck")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryCheck(@Schema(examples = "false") boolean valid,
                         @Schema(description = "absent when valid") SyntaxError error) {

    static QueryCheck of(String query) {
        try {
            QueryMatcher.check(query);
            return new QueryCheck(true, null);
        } catch (QuerySyntaxException e) {
            return new QueryCheck(false, e.in(query));
        }
    }
}
