package org.zhengwu.identity.account;

import java.util.List;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.database.AfterMigration;

/**
 * Encrypts the mobile numbers, e-mail addresses and outbox recipients that a release before identity migration V20
 * stored in clear, and empties the clear columns: at every start, after the migrations and after {@link FieldKeyCheck}
 * has made sure the keys are the database's own. Once done, each start costs one query per table that finds nothing.
 *
 * <p>Rows go in batches, each batch one transaction that encrypts its rows and empties their clear columns together,
 * so that a start stopped half-way leaves every row either clear or encrypted, and the next start goes on. Several
 * nodes starting at once share the work without doing any row twice: a batch locks its rows, a node reaching a row
 * another node holds waits for it, finds it no longer clear and passes over it. A node therefore finishes only when no
 * clear value is left — none serves a request while an account it might be asked about is still unconverted.
 *
 * <p>The clear columns are not dropped here: the application's role may not change the schema in production, nodes of
 * the previous release may still be running, and the schema stays what the migrations say. A later migration drops
 * them (see V20).
 */
@Component
@Order(2)
class ClearContactDetails implements AfterMigration {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(ClearContactDetails.class);

    private record ClearAccount(long id, String mobile, String email) {}

    private record ClearMessage(long id, String recipient) {}

    private final ContactDetails contacts;
    private final PlatformKeys keys;

    ClearContactDetails(ContactDetails contacts, PlatformKeys keys) {
        this.contacts = contacts;
        this.keys = keys;
    }

    @Override
    public void run(DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        int accounts = inBatches(transaction, () -> accountBatch(jdbc));
        int messages = inBatches(transaction, () -> outboxBatch(jdbc));
        if (accounts + messages > 0) {
            log.info(
                    "Encrypted the mobile numbers and e-mail addresses an earlier release kept in clear: {} accounts,"
                            + " {} development outbox messages",
                    accounts,
                    messages);
        }
    }

    /** Runs batches, each in a transaction of its own, until one finds nothing to do; how many rows they did. */
    private static int inBatches(TransactionTemplate transaction, IntSupplier batch) {
        int total = 0;
        while (true) {
            Integer done = transaction.execute(status -> batch.getAsInt());
            if (done == null || done == 0) {
                return total;
            }
            total += done;
        }
    }

    private int accountBatch(JdbcClient jdbc) {
        List<ClearAccount> clear = jdbc.sql("""
                        SELECT id, mobile, email FROM identity_account WHERE mobile IS NOT NULL OR email IS NOT NULL
                        ORDER BY id LIMIT :batch FOR UPDATE""")
                .param("batch", BATCH)
                .query((rs, n) -> new ClearAccount(rs.getLong("id"), rs.getString("mobile"), rs.getString("email")))
                .list();
        for (ClearAccount account : clear) {
            // One statement per row: the constraint of V20 refuses a row left with either value still in clear.
            try {
                jdbc.sql("""
                                UPDATE identity_account
                                SET mobile_cipher = COALESCE(CAST(:mobileCipher AS BYTEA), mobile_cipher),
                                    mobile_index = COALESCE(CAST(:mobileIndex AS CHAR(64)), mobile_index),
                                    email_cipher = COALESCE(CAST(:emailCipher AS BYTEA), email_cipher),
                                    mobile = NULL, email = NULL
                                WHERE id = :id""")
                        .param("mobileCipher", contacts.encryptMobile(account.mobile()))
                        .param("mobileIndex", contacts.mobileIndex(account.mobile()))
                        .param("emailCipher", contacts.encryptEmail(account.email()))
                        .param("id", account.id())
                        .update();
            } catch (DuplicateKeyException e) {
                throw new IllegalStateException(
                        "Account " + account.id() + " has, in clear, a mobile number another account already has"
                                + " (digits compared): one of the two must be changed by hand before the start can"
                                + " encrypt it",
                        e);
            }
        }
        return clear.size();
    }

    private int outboxBatch(JdbcClient jdbc) {
        List<ClearMessage> clear = jdbc.sql("""
                        SELECT id, recipient FROM identity_notification_outbox WHERE recipient IS NOT NULL
                        ORDER BY id LIMIT :batch FOR UPDATE""")
                .param("batch", BATCH)
                .query((rs, n) -> new ClearMessage(rs.getLong("id"), rs.getString("recipient")))
                .list();
        for (ClearMessage message : clear) {
            jdbc.sql("""
                            UPDATE identity_notification_outbox
                            SET recipient_cipher = :cipher, recipient_index = :index, recipient = NULL WHERE id = :id""")
                    .param("cipher", OutboxNotificationSender.encryptRecipient(keys, message.recipient()))
                    .param("index", OutboxNotificationSender.recipientIndex(keys, message.recipient()))
                    .param("id", message.id())
                    .update();
        }
        return clear.size();
    }
}
