package org.zhengwu.basedata;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * 人口基础信息库: answers whether a name and 公民身份号码 belong to one living person, without holding either in clear.
 */
@Service
public class Population {

    private final JdbcClient jdbc;
    private final PlatformKeys keys;

    Population(JdbcClient jdbc, PlatformKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Whether a living person with exactly this name has this number (upper-case X). */
    public boolean matches(String name, String idNumber) {
        if (name == null || idNumber == null) {
            return false;
        }
        String number = idNumber.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                        SELECT count(*) FROM basedata_person
                        WHERE id_number_index = :number AND identity_index = :identity AND NOT deceased""")
                        .param("number", keys.blindIndex(number, "person.id_number"))
                        .param("identity", keys.blindIndex(name.strip() + "|" + number, "person.identity"))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Adds or replaces a person (from an import of the population register). */
    @Transactional
    public void register(String name, String idNumber, boolean deceased) {
        String number = idNumber.strip().toUpperCase(Locale.ROOT);
        String numberIndex = keys.blindIndex(number, "person.id_number");
        String identityIndex = keys.blindIndex(name.strip() + "|" + number, "person.identity");
        int updated = jdbc.sql("""
                        UPDATE basedata_person SET identity_index = :identity, deceased = :deceased,
                               updated_at = CURRENT_TIMESTAMP WHERE id_number_index = :number""")
                .param("identity", identityIndex)
                .param("deceased", deceased)
                .param("number", numberIndex)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO basedata_person (id_number_index, identity_index, deceased) VALUES (:number, :identity, :deceased)")
                    .param("number", numberIndex)
                    .param("identity", identityIndex)
                    .param("deceased", deceased)
                    .update();
        }
    }
}
