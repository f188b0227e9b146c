package io.kelvin.identity.audit;

import io.kelvin.core.identity.AuditRecord;
import io.kelvin.core.identity.AuditStore;
import java.util.List;
import java.util.Optional;

/**
 * Walks the audit chain from the first record and reports the first one that breaks it: a seq that
 * does not follow (a record deleted or moved), a previous hash that is not the hash of the record
 * before (deleted, reordered or edited before it), or a hash that does not match the record's own
 * content (edited). Records are read in pages, so any length fits in memory. A deletion of the last
 * records cannot be seen from the chain alone; the count and last hash it reports can be kept
 * elsewhere to compare.
 */
public final class ChainVerifier {

    static final int PAGE = 1000;

    private ChainVerifier() {
    }

    /** {@code broken} names the first bad record; {@code checked} counts the records found good before it. */
    public record Result(long checked, String lastHash, Optional<Break> broken) {
        public boolean ok() {
            return broken.isEmpty();
        }
    }

    /** The first record that breaks the chain: its seq (as stored) and why. */
    public record Break(long seq, String reason) {
        @Override
        public String toString() {
            return "record " + seq + ": " + reason;
        }
    }

    public static Result verify(AuditStore store) {
        long expectedSeq = 1;
        String previousHash = HashChain.GENESIS;
        long checked = 0;
        while (true) {
            List<AuditRecord> page = store.chain(expectedSeq - 1, PAGE);
            if (page.isEmpty()) {
                return new Result(checked, previousHash, Optional.empty());
            }
            for (AuditRecord r : page) {
                Optional<String> reason = problem(r, expectedSeq, previousHash);
                if (reason.isPresent()) {
                    return new Result(checked, previousHash, Optional.of(new Break(r.seq(), reason.get())));
                }
                previousHash = r.hash();
                expectedSeq++;
                checked++;
            }
        }
    }

    private static Optional<String> problem(AuditRecord r, long expectedSeq, String previousHash) {
        if (r.seq() != expectedSeq) {
            return Optional.of("expected record " + expectedSeq + " next; records " + expectedSeq + ".." + (r.seq() - 1)
                    + " are missing");
        }
        if (!r.previousHash().equals(previousHash)) {
            return Optional.of("previous hash does not match record " + (expectedSeq - 1)
                    + " (a record before it was changed, removed or moved)");
        }
        if (!HashChain.expectedHash(r).equals(r.hash())) {
            return Optional.of("content does not match its hash (the record was edited)");
        }
        return Optional.empty();
    }
}
