package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.zhengwu.shared.crypto.OwnerOnlyFiles;

/**
 * Takes in a file a person uploads: checks it ({@link UploadCheck}), has its content scanned ({@link UploadScanner})
 * and keeps it ({@link FileStore}). The stream is
 * read into an owner-only temporary file, no further than one byte past the upload limit, so an oversized upload
 * costs no more than the limit; the kind is read from that file; only a file that passed every check reaches the
 * store.
 */
public final class Uploads {

    private static final int BUFFER = 64 * 1024;

    private final UploadCheck check;
    private final FileStore store;
    private final List<UploadScanner> scanners;

    /** With the scanner every deployment has ({@link ActiveContentScanner}). */
    Uploads(UploadCheck check, FileStore store) {
        this(check, store, List.of(new ActiveContentScanner()));
    }

    Uploads(UploadCheck check, FileStore store, List<UploadScanner> scanners) {
        this.check = check;
        this.store = store;
        this.scanners = List.copyOf(scanners);
    }

    /**
     * @param fileName the name the browser sent ({@code MultipartFile.getOriginalFilename()})
     * @throws UploadRefusedException when a check fails; nothing is kept then
     */
    public StoredUpload store(String fileName, InputStream content) throws IOException {
        String name = check.checkName(fileName);
        Path spool = OwnerOnlyFiles.posix(Path.of(System.getProperty("java.io.tmpdir")))
                ? Files.createTempFile(
                        "zhengwu-check-", ".part", PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE))
                : Files.createTempFile("zhengwu-check-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(spool)) {
                copyAtMost(content, out, check.limitBytes() + 1);
            }
            CheckedUpload checked = check.check(name, spool);
            for (UploadScanner scanner : scanners) {
                Optional<UploadScanner.Finding> finding = scanner.scan(spool, checked.kind());
                if (finding.isPresent()) {
                    throw new UploadRefusedException(
                            finding.get().reason(),
                            checked.fileName(),
                            finding.get().detail());
                }
            }
            StoredFile stored;
            try (InputStream in = Files.newInputStream(spool)) {
                stored = store.store(in);
            }
            return new StoredUpload(stored.key(), checked.fileName(), checked.kind(), stored.size(), stored.sm3());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    public UploadCheck check() {
        return check;
    }

    private static void copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        int read;
        while (copied < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) >= 0) {
            out.write(buffer, 0, read);
            copied += read;
        }
    }
}
