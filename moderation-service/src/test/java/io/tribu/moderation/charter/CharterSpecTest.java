package io.tribu.moderation.charter;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charter format as OpenAPI documents it names exactly the fields the parser reads. */
class CharterSpecTest {

    private static Set<String> fields(Class<? extends Record> spec) {
        return Arrays.stream(spec.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    @Test
    void theDocumentedSchemaHasTheParsersFields() {
        assertEquals(CharterParser.ROOT_FIELDS, fields(CharterSpec.class));
        assertEquals(CharterParser.RULE_FIELDS, fields(CharterSpec.RuleSpec.class));
        assertEquals(CharterParser.CONDITIONS, fields(CharterSpec.ConditionSpec.class));
        assertEquals(CharterParser.ACTION_FIELDS, fields(CharterSpec.ActionSpec.class));
        assertEquals(CharterParser.LABEL_FIELDS, fields(CharterSpec.LabelSpec.class));
        assertEquals(CharterParser.REPEAT_OFFENDER_FIELDS, fields(CharterSpec.RepeatOffenderSpec.class));
        assertEquals(CharterParser.TIME_OF_DAY_FIELDS, fields(CharterSpec.TimeOfDaySpec.class));
        assertEquals(CharterParser.RATING_FIELDS, fields(CharterSpec.RatingSpec.class));
    }
}
