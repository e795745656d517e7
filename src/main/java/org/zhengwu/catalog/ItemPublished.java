package org.zhengwu.catalog;

import java.time.Instant;

/** A version of an entry became the published one (the first, or a replacement). */
public record ItemPublished(String implementationCode, int versionNo, Instant publishedAt) {}
