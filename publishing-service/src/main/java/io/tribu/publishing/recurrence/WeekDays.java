package io.tribu.publishing.recurrence;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;

/**
 * Each day is one of MONDAY to SUNDAY, in a list of at most {@link #MAX} (its {@code @Size}). A constraint on the list
 * rather than on each item: a longer list is refused by its size alone, one violation naming {@code days}, and its
 * items are not looked at, where item constraints made one violation per item (a body of 100,000 days answered, and
 * logged, 100,000 violations after 3.3 s of the event loop). Violations name the item, {@code days[2]}.
 */
@Documented
@Constraint(validatedBy = WeekDays.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WeekDays {

    int MAX = 7;

    String message() default "must be days such as MONDAY";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule of {@link WeekDays}. */
    class Check implements ConstraintValidator<WeekDays, List<String>> {

        private static final Set<String> DAYS = Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

        @Override
        public boolean isValid(List<String> days, ConstraintValidatorContext context) {
            if (days == null || days.size() > MAX) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            for (int index = 0; index < days.size(); index++) {
                String day = days.get(index);
                if (day == null || !DAYS.contains(day)) {
                    context.buildConstraintViolationWithTemplate(day == null ? "must not be null" : "must be a day such as MONDAY")
                            .addBeanNode().inIterable().atIndex(index)
                            .addConstraintViolation();
                    valid = false;
                }
            }
            return valid;
        }
    }
}
