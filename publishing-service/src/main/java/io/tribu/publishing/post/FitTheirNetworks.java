package io.tribu.publishing.post;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Each variant names a supported network, at most once, and its text fits that network's limit.
 * Violations name the variant's field, e.g. {@code variants[1].text}.
 */
@Documented
@Constraint(validatedBy = VariantsFitTheirNetworks.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FitTheirNetworks {

    String message() default "variants must fit their networks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
