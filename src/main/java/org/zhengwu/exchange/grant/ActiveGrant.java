package org.zhengwu.exchange.grant;

import java.time.LocalDate;
import java.util.Set;

/**
 * A grant in force: the consumer organisation may read these fields of the resource until the end of validUntil
 * (Asia/Shanghai); fields in clearFields unmasked, the other sensitive ones masked. The purpose stated for it goes
 * with every access logged under it.
 */
public record ActiveGrant(
        long grantId,
        String resourceCode,
        String consumerUscc,
        Set<String> fields,
        Set<String> clearFields,
        LocalDate validUntil,
        String purpose) {

    public ActiveGrant {
        fields = Set.copyOf(fields);
        clearFields = Set.copyOf(clearFields);
    }
}
