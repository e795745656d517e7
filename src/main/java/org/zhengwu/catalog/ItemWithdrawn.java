package org.zhengwu.catalog;

import java.time.Instant;

/** An entry was withdrawn: it is no longer offered, and its page says so. */
public record ItemWithdrawn(String implementationCode, Instant withdrawnAt) {}
