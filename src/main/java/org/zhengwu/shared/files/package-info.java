/**
 * Files people hand to the platform (application materials, later licences and exchange files): the one way to
 * recognise a file by its content ({@link org.zhengwu.shared.files.FileKind}), to check an upload
 * ({@link org.zhengwu.shared.files.UploadCheck}: kind by content, size, name) and to keep it in a
 * {@link org.zhengwu.shared.files.FileStore} — the local file system by default, S3-compatible object storage when
 * configured — under a key the store makes up, with the SM3 checksum of what was stored.
 */
@NamedInterface("files")
package org.zhengwu.shared.files;

import org.springframework.modulith.NamedInterface;
