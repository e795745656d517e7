package org.zhengwu.exchange.grant;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which grant, if any, lets an organisation read a published resource on a day. The one question the query API and
 * the subscriptions ask before they serve or deliver anything; a resource that is not published, or is 不予共享,
 * has no grant in force whatever the grant table says.
 */
@Service
public class ActiveGrants {

    private final JdbcClient jdbc;

    ActiveGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ActiveGrant> find(String consumerUscc, String resourceCode, LocalDate day) {
        return jdbc.sql("""
                        SELECT g.id, g.resource_code, g.consumer_uscc, g.fields_granted, g.clear_fields, g.valid_until,
                               g.purpose
                        FROM exchange_grant g JOIN exchange_resource r ON r.code = g.resource_code
                        WHERE g.consumer_uscc = :consumer AND g.resource_code = :resource AND g.status = 'APPROVED'
                          AND g.valid_from <= :day AND g.valid_until >= :day
                          AND r.status = 'PUBLISHED' AND r.share_type <> 'NONE'
                        ORDER BY g.valid_until DESC, g.id DESC
                        LIMIT 1""")
                .param("consumer", consumerUscc)
                .param("resource", resourceCode)
                .param("day", day)
                .query((rs, row) -> new ActiveGrant(
                        rs.getLong("id"),
                        rs.getString("resource_code"),
                        rs.getString("consumer_uscc"),
                        fields(rs.getString("fields_granted")),
                        fields(rs.getString("clear_fields")),
                        rs.getObject("valid_until", LocalDate.class),
                        rs.getString("purpose")))
                .optional();
    }

    static Set<String> fields(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(field -> !field.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
