package org.zhengwu.shared.files;

/**
 * An upload that passed the checks and is kept in the {@link FileStore}: what a module records with the case, the
 * licence or the exchange it belongs to.
 *
 * @param key the store's key
 * @param fileName the name as checked ({@link UploadCheck#checkName})
 * @param kind what its content is
 * @param size its length in bytes
 * @param sm3 the SM3 hash of its content, hexadecimal
 */
public record StoredUpload(String key, String fileName, FileKind kind, long size, String sm3) {

    public String mediaType() {
        return kind.mediaType();
    }
}
