package io.tribu.publishing.post;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Each tag is a non-blank label of at most {@link #MAX_LENGTH} characters. A constraint of its own,
 * rather than constraints on the list's elements, so that violations name {@code tags[1]} and not
 * {@code tags[1].<list element>}; a list of more than {@link #MAX_COUNT} (its {@code @Size}) is refused by
 * its size alone, its items not looked at (100,000 blank tags made 100,000 violations).
 */
@Documented
@Constraint(validatedBy = TagsAreShort.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ShortTags {

    int MAX_LENGTH = 50;

    int MAX_COUNT = 20;

    String message() default "tags must be short labels";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
