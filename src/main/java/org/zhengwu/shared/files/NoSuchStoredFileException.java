package org.zhengwu.shared.files;

import java.io.IOException;

/** No file is stored under the key. */
public class NoSuchStoredFileException extends IOException {

    private final String key;

    NoSuchStoredFileException(String key) {
        super("no stored file under key " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
