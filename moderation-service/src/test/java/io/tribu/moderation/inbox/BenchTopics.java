package io.tribu.moderation.inbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.List;
import java.util.Map;

/** Deletes a benchmark's own topics, each on its own: one never created does not keep the others. */
public final class BenchTopics {

    private BenchTopics() {
    }

    public static void main(String[] args) {
        List<String> topics = List.of(args).subList(2, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            admin.deleteTopics(topics).topicNameValues().forEach((topic, deleted) -> {
                try {
                    deleted.get();
                    System.out.println("# deleted topic " + topic);
                } catch (Exception e) {
                    System.out.println("# topic " + topic + " not deleted: " + e.getMessage());
                }
            });
        }
    }
}
