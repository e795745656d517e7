package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the platform keeps files: the local file system ({@code zhengwu.files.store=local}, the default) or
 * S3-compatible object storage ({@code s3}). The store makes up each file's key — 128 random bits, nothing of the
 * file's name or of any input — so a key cannot be guessed and cannot lead anywhere but to a stored file; every method
 * refuses anything that is not such a key. A file is stored whole or not at all: nobody ever reads a partial file
 * under a key. Keeping the key, and deciding who may read the file, is the caller's business.
 */
public interface FileStore {

    /**
     * Reads the stream to its end and keeps it under a new key; the checksum is computed from the bytes as they pass.
     * The caller limits the stream's length ({@link Uploads} does).
     */
    StoredFile store(InputStream content) throws IOException;

    /**
     * The stored file's content; the caller closes the stream.
     *
     * @throws NoSuchStoredFileException when there is no file under the key
     */
    InputStream open(String key) throws IOException;

    /** Removes the file; nothing happens when there is none under the key. */
    void delete(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Whether the text has the form of a key (it may still name no file); check any key that came from outside. */
    static boolean isKey(String text) {
        return text != null && StoredFileKeys.FORM.matcher(text).matches();
    }
}
