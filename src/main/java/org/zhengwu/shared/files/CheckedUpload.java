package org.zhengwu.shared.files;

/**
 * A file that passed {@link UploadCheck}.
 *
 * @param fileName the name as sent, in Unicode normal form C and without surrounding spaces
 * @param kind what its content is, which its extension agrees with
 * @param size its length in bytes
 */
public record CheckedUpload(String fileName, FileKind kind, long size) {}
