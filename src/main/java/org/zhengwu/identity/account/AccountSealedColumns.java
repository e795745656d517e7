package org.zhengwu.identity.account;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.JdbcSealedColumns;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;

/** The accounts' sealed fields (identity number, mobile, e-mail, second-factor secret), pending registrations and queued messages' recipients, for the field key's re-encryption. */
@Component
class AccountSealedColumns extends JdbcSealedColumns {

    AccountSealedColumns(JdbcTemplate jdbc, PlatformKeys keys) {
        super("identity", jdbc, keys);
    }

    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.of("identity_account", "id_number_cipher", AccountDirectory.ID_NUMBER_CONTEXT, "id"),
                SealedColumn.of("identity_account", "mobile_cipher", ContactDetails.MOBILE_CONTEXT, "id"),
                SealedColumn.of("identity_account", "email_cipher", ContactDetails.EMAIL_CONTEXT, "id"),
                SealedColumn.of("identity_account", "mfa_secret_cipher", SecondFactor.SECRET_CONTEXT, "id"),
                SealedColumn.of(
                        "identity_pending_registration",
                        "details_cipher",
                        RegistrationRequests.DETAILS_CONTEXT,
                        "reference"),
                SealedColumn.of(
                        "identity_notification_outbox",
                        "recipient_cipher",
                        OutboxNotificationSender.RECIPIENT_CONTEXT,
                        "id"));
    }
}
