package io.tribu.publishing.post;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.List;

/** The rule of {@link ShortTags}; lengths in characters (code points), as for the networks. */
public class TagsAreShort implements ConstraintValidator<ShortTags, List<String>> {

    @Override
    public boolean isValid(List<String> tags, ConstraintValidatorContext context) {
        if (tags == null || tags.size() > ShortTags.MAX_COUNT) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        for (int index = 0; index < tags.size(); index++) {
            String problem = problemWith(tags.get(index));
            if (problem != null) {
                context.buildConstraintViolationWithTemplate(problem)
                        .addBeanNode().inIterable().atIndex(index)
                        .addConstraintViolation();
                valid = false;
            }
        }
        return valid;
    }

    private static String problemWith(String tag) {
        if (tag == null || tag.isBlank()) {
            return "must not be blank";
        }
        if (tag.codePointCount(0, tag.length()) > ShortTags.MAX_LENGTH) {
            return "must be at most " + ShortTags.MAX_LENGTH + " characters";
        }
        return null;
    }
}
