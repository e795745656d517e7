package org.zhengwu.shared.audit;

/**
 * The result of walking the chains and comparing them with the signed checkpoints.
 *
 * @param checked     entries checked
 * @param firstBad    the entry number of the first entry that is altered or missing (for a forged checkpoint: its line
 *                    in the checkpoint file), or null when the log holds
 * @param problem     what is wrong with it, or null
 * @param checkpoints signed checkpoints read from outside the database
 * @param chain       the chain where the problem is, or null
 * @param position    the position in that chain of the entry altered or missing (or of the checkpointed head the
 *                    chain no longer reaches), or null
 */
public record ChainVerification(
        long checked, Long firstBad, Problem problem, long checkpoints, Integer chain, Long position) {

    static ChainVerification intact(long checked, long checkpoints) {
        return new ChainVerification(checked, null, null, checkpoints, null, null);
    }

    public enum Problem {
        /** The entry's content or seal does not match what was chained. */
        ALTERED,
        /** An entry between its neighbours is gone. */
        MISSING,
        /** Entries after the last one the chain head (or a checkpoint) records are gone. */
        TRUNCATED,
        /**
         * The chain no longer matches a checkpoint signed outside the database: it was rewritten up to this entry and
         * its seals computed again.
         */
        DIVERGES_FROM_CHECKPOINT,
        /** A line of the checkpoint file does not carry the anchor key's signature. */
        CHECKPOINT_FORGED
    }

    public boolean intact() {
        return problem == null;
    }
}
