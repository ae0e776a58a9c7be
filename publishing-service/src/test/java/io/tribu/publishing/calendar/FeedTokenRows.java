package io.tribu.publishing.calendar;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the stored feed token column straight from the database, as an attacker with a dump would. */
final class FeedTokenRows {

    private FeedTokenRows() {
    }

    static String hashOf(String tenant, String brandId) {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement query = db.prepareStatement(
                     "select feed_token_hash from brand_setting where tenant = ? and brand_id = ?")) {
            query.setString(1, tenant);
            query.setString(2, brandId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
