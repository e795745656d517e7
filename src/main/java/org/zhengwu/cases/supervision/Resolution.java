package org.zhengwu.cases.supervision;

/** Why a warning stopped being open. */
public enum Resolution {
    /** The case left the clock: decided, refused, withdrawn, or waiting for the applicant's 补正. */
    CLOCK_STOPPED,
    /** A red warning was raised on the same case. */
    SUPERSEDED,
    /** The due date it was raised against moved (a pause ended, an extension, a calendar change). */
    DUE_MOVED,
    /** A supervisor recorded 督办. */
    SUPERVISED
}
