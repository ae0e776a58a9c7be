package io.tribu.moderation.charter;

/** Where a charter breaks a rule of the format (a path such as rules[2].when.all[0].label.minScore) and why. */
public record Violation(String field, String message) {
}
