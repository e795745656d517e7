package org.zhengwu.identity.account;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.UnknownFieldKeyException;
import org.zhengwu.shared.database.AfterMigration;

/**
 * Refuses to start with keys that are not the ones the accounts' personal fields were stored with — a key file lost
 * and generated again, a deployment given another installation's keys. Without the check the platform would start,
 * find nobody by mobile or identity number, fail on the first number it had to read, and encrypt everything new under
 * a second key, so that no single key could read the database any longer. It reads the newest account holding each
 * kind of field: the value must decrypt under the field key ({@code ZHENGWU_FIELD_KEY}) or one of the previous keys
 * still readable ({@code ZHENGWU_FIELD_KEY_PREVIOUS}; a value names its key, so a key missing is named) and its
 * blind index must be
 * what the index key ({@code ZHENGWU_INDEX_KEY}) makes of it. Runs before {@link ClearContactDetails} encrypts
 * anything.
 */
@Component
@Order(1)
class FieldKeyCheck implements AfterMigration {

    private final PlatformKeys keys;

    FieldKeyCheck(PlatformKeys keys) {
        this.keys = keys;
    }

    /** One kind of encrypted field: its columns, its context and how its value is normalised for the index. */
    private enum Field {
        ID_NUMBER("id_number_cipher", "id_number_index", AccountDirectory.ID_NUMBER_CONTEXT, "identity number"),
        MOBILE("mobile_cipher", "mobile_index", ContactDetails.MOBILE_CONTEXT, "mobile number"),
        EMAIL("email_cipher", null, ContactDetails.EMAIL_CONTEXT, "e-mail address");

        private final String cipherColumn;
        private final String indexColumn;
        private final String context;
        private final String what;

        Field(String cipherColumn, String indexColumn, String context, String what) {
            this.cipherColumn = cipherColumn;
            this.indexColumn = indexColumn;
            this.context = context;
            this.what = what;
        }
    }

    private record Sample(long account, byte[] cipher, String index) {}

    @Override
    public void run(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        for (Field field : Field.values()) {
            newest(jdbc, field).ifPresent(sample -> check(field, sample));
        }
    }

    private static Optional<Sample> newest(JdbcClient jdbc, Field field) {
        // The column names are the constants above, never input.
        return jdbc.sql("SELECT id, " + field.cipherColumn + " AS cipher, "
                        + (field.indexColumn == null ? "NULL" : field.indexColumn) + " AS blind_index"
                        + " FROM identity_account WHERE " + field.cipherColumn
                        + " IS NOT NULL ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Sample(rs.getLong("id"), rs.getBytes("cipher"), rs.getString("blind_index")))
                .optional();
    }

    private void check(Field field, Sample sample) {
        String value;
        try {
            value = keys.decrypt(sample.cipher(), field.context);
        } catch (UnknownFieldKeyException e) {
            throw new IllegalStateException("The field key (ZHENGWU_FIELD_KEY, or field.key in zhengwu.crypto.key-dir)"
                    + " is not the key this database's personal fields were encrypted with: account "
                    + sample.account() + "'s " + field.what + " is sealed under field key " + e.keyId()
                    + ", and the keys configured are " + String.join(", ", keys.readableFieldKeyIds())
                    + " (ZHENGWU_FIELD_KEY, then ZHENGWU_FIELD_KEY_PREVIOUS). Configure that key, restored from where"
                    + " it was backed up: as ZHENGWU_FIELD_KEY, or in ZHENGWU_FIELD_KEY_PREVIOUS while the"
                    + " re-encryption under a newer key has not finished.");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The field key (ZHENGWU_FIELD_KEY, or field.key in zhengwu.crypto.key-dir)"
                    + " is not the key this database's personal fields were encrypted with: account "
                    + sample.account() + "'s " + field.what
                    + " does not decrypt. Start with the database's own keys, restored from where"
                    + " they were backed up with it; a start with these would leave the stored values unreadable"
                    + " and encrypt new ones under a second key.");
        }
        if (sample.index() != null
                && !indexOf(field, value).equals(sample.index().strip())) {
            throw new IllegalStateException("The index key (ZHENGWU_INDEX_KEY, or index.key in zhengwu.crypto.key-dir)"
                    + " is not the key this database's blind indexes were made with: account " + sample.account()
                    + "'s " + field.what + " would no longer find it. Start with"
                    + " the database's own keys, restored from where they were backed up with it.");
        }
    }

    private String indexOf(Field field, String value) {
        String normalised = field == Field.MOBILE
                ? ContactDetails.normalisedMobile(value)
                : AccountDirectory.normalisedIdNumber(value);
        return keys.blindIndex(normalised, field.context);
    }
}
