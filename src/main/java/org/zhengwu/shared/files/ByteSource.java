package org.zhengwu.shared.files;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Random access to a file's bytes, in memory or on disk, so that its kind is read from where it is. */
interface ByteSource {

    long size() throws IOException;

    /** Reads exactly {@code length} bytes from {@code position}; fewer than that is an {@link EOFException}. */
    byte[] read(long position, int length) throws IOException;

    static ByteSource of(byte[] content) {
        return new ByteSource() {
            @Override
            public long size() {
                return content.length;
            }

            @Override
            public byte[] read(long position, int length) throws IOException {
                if (position < 0 || length < 0 || position + length > content.length) {
                    throw new EOFException();
                }
                byte[] out = new byte[length];
                System.arraycopy(content, (int) position, out, 0, length);
                return out;
            }
        };
    }

    static ByteSource of(FileChannel channel) {
        return new ByteSource() {
            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public byte[] read(long position, int length) throws IOException {
                if (position < 0 || length < 0 || position + length > channel.size()) {
                    throw new EOFException();
                }
                ByteBuffer buffer = ByteBuffer.allocate(length);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position()) < 0) {
                        throw new EOFException();
                    }
                }
                return buffer.array();
            }
        };
    }
}
