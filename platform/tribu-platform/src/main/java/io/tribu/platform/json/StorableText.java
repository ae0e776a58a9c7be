package io.tribu.platform.json;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text PostgreSQL can take: no NUL, no unpaired surrogate ({@link StrictJson#refusal}). Bodies are checked
 * while they are read; this is for text that comes another way (query parameters).
 */
@Documented
@Constraint(validatedBy = StorableText.Check.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableText {

    String message() default "must not contain a NUL character or an unpaired surrogate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<StorableText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String refusal = value == null ? null : StrictJson.refusal(value);
            if (refusal == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(refusal.replace("\\", "\\\\").replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
