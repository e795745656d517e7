package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run in a process of its own by {@link LocalFileStoreTests}, which kills it while it stores an endless file: what a
 * crash or a power failure in the middle of an upload leaves behind.
 */
final class InterruptedWriter {

    private InterruptedWriter() {}

    public static void main(String[] args) throws IOException {
        LocalFileStore store = new LocalFileStore(Path.of(args[0]));
        store.store(new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                return length;
            }
        });
        throw new IllegalStateException("an endless stream ended");
    }
}
