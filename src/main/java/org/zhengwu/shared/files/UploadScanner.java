package org.zhengwu.shared.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A check of an upload's content after it passed {@link UploadCheck} and before it is kept: every scanner the
 * application has runs on every upload, in their order, and the first finding refuses the file — nothing is kept. The
 * platform brings two: {@link ActiveContentScanner} (always: PDFs that carry scripts, launch actions or embedded files)
 * and {@link ClamdScanner} (when {@code zhengwu.files.scan.clamd-host} names a ClamAV daemon). A deployment adds its
 * own (another engine, a sandbox) as a bean implementing this.
 */
public interface UploadScanner {

    /**
     * @param file the upload, complete, in an owner-only temporary file
     * @param kind what its content is
     * @return what was found, or empty when the file is clean
     * @throws UploadRefusedException with {@link UploadRefusal#SCAN_UNAVAILABLE} when the scanner cannot give an
     *     answer: a file that could not be scanned is not kept
     */
    Optional<Finding> scan(Path file, FileKind kind) throws IOException;

    /**
     * @param reason {@link UploadRefusal#ACTIVE_CONTENT} or {@link UploadRefusal#INFECTED}
     * @param detail what was found, shown to the uploader (a signature's name, the kind of active content)
     */
    record Finding(UploadRefusal reason, String detail) {}
}
