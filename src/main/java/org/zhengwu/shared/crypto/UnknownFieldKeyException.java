package org.zhengwu.shared.crypto;

/**
 * A stored value sealed under a field key the platform is not configured with: neither the current key
 * ({@code ZHENGWU_FIELD_KEY}) nor one of the previous keys still readable ({@code ZHENGWU_FIELD_KEY_PREVIOUS}). Said
 * as such, with the key's identifier, rather than as a value that does not decrypt.
 */
public class UnknownFieldKeyException extends IllegalArgumentException {

    private final String keyId;

    UnknownFieldKeyException(String keyId, String context) {
        super("the value of " + context + " is sealed under field key " + keyId
                + ", which is not configured: neither ZHENGWU_FIELD_KEY nor one of ZHENGWU_FIELD_KEY_PREVIOUS. Add that"
                + " key to ZHENGWU_FIELD_KEY_PREVIOUS (from the key store or the backup that holds it) and restart.");
        this.keyId = keyId;
    }

    /** The identifier of the key the value names (8 hex digits). */
    public String keyId() {
        return keyId;
    }
}
