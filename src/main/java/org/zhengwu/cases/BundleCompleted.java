package org.zhengwu.cases;

import java.time.Instant;

/**
 * Every branch of a 一件事 has ended (decided, refused or withdrawn): published in the transaction of the step that
 * ended the last one.
 */
public record BundleCompleted(String bundleNumber, String bundleCode, Instant completedAt) {}
