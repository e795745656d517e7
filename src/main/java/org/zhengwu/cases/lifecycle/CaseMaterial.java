package org.zhengwu.cases.lifecycle;

import java.time.Instant;

/** A file given for one of the guide's materials, in the 补正 round it was given. */
public record CaseMaterial(
        long id,
        int materialNo,
        String materialName,
        String fileKey,
        String fileName,
        String fileKind,
        long sizeBytes,
        String sm3,
        int round,
        boolean superseded,
        Instant uploadedAt) {}
