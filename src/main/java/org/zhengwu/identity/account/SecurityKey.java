package org.zhengwu.identity.account;

import java.time.Instant;

/**
 * A security key or passkey as its owner sees it in the list of their keys.
 *
 * @param id           the credential id, base64url: how a form names the key to remove
 * @param label        the name its owner gave it, e.g. 办公室安全密钥
 * @param synced       the authenticator may copy it to the owner's other devices (a synced passkey), as opposed to a key
 *                     that never leaves its device
 * @param registeredAt when it was registered
 * @param lastUsedAt   when it last signed a sign-in (its registration, until then)
 */
public record SecurityKey(String id, String label, boolean synced, Instant registeredAt, Instant lastUsedAt) {}
