package io.tribu.moderation.charter;

import java.util.List;
import java.util.UUID;

/**
 * What a rule does when it matches. hide, delete and reply are network actions carried out by
 * publishing; assign, tag, escalate and approve stay in the inbox.
 */
public record RuleAction(Type type, UUID savedReplyId, String visibility, String assignee, List<String> tags) {

    public enum Type {
        HIDE, DELETE, REPLY, ASSIGN, TAG, ESCALATE, APPROVE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Object describe() {
        return switch (type) {
            case REPLY -> "reply " + visibility + " with saved reply " + savedReplyId;
            case ASSIGN -> "assign to " + assignee;
            case TAG -> "tag " + String.join(", ", tags);
            default -> type.wire();
        };
    }
}
