package org.zhengwu.shared.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param fieldKey the SM4 key for personal fields, 16 bytes in base64 ({@code ZHENGWU_FIELD_KEY}); empty: generated
 * @param fieldKeyPrevious the SM4 field keys before the current one, still readable until the re-encryption has
 *     rewritten what they sealed: comma-separated, base64 ({@code ZHENGWU_FIELD_KEY_PREVIOUS}); empty: none
 * @param indexKey the HMAC-SM3 key for blind indexes, 32 bytes in base64 ({@code ZHENGWU_INDEX_KEY}); empty: generated
 * @param auditKey the HMAC-SM3 key sealing the accountability log, 32 bytes in base64 ({@code ZHENGWU_AUDIT_KEY});
 *     empty: generated
 * @param auditAnchorKey the SM2 private key signing the log's checkpoints, its 32-byte scalar in base64
 *     ({@code ZHENGWU_AUDIT_ANCHOR_KEY}); empty: generated
 * @param keyDir   where generated keys are kept when none is configured ({@code ZHENGWU_DATA_DIR}/keys)
 */
@ConfigurationProperties("zhengwu.crypto")
record CryptoProperties(
        String fieldKey,
        String fieldKeyPrevious,
        String indexKey,
        String auditKey,
        String auditAnchorKey,
        String keyDir) {}
