package io.kelvin.identity.audit;

import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail's hash chain. A record's canonical encoding is its fields in a fixed order (seq, time
 * as epoch milliseconds, actor kind, actor name, kind, target, address, outcome, detail), each as a
 * 4-byte big-endian length and its UTF-8 bytes, so no two records encode alike. Its hash is
 * SHA-256(previous hash as 64 hex characters + canonical encoding), in lower-case hex; the first
 * record's previous hash is {@link #GENESIS}.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String hash(String previousHash, long seq, Instant at, AuditEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(seq, at, entry));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The hash the record should carry, given what it says and its previous hash. */
    public static String expectedHash(AuditRecord record) {
        return hash(record.previousHash(), record.seq(), record.at(), record.entry());
    }

    static byte[] canonical(long seq, Instant at, AuditEntry e) {
        List<String> fields = List.of(Long.toString(seq), Long.toString(at.toEpochMilli()), e.actor().kind().name(),
                e.actor().name(), e.kind().name(), e.target(), e.address(), e.outcome().name(), e.detail());
        int size = 0;
        byte[][] bytes = new byte[fields.size()][];
        for (int i = 0; i < fields.size(); i++) {
            bytes[i] = fields.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + bytes[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] field : bytes) {
            out.putInt(field.length).put(field);
        }
        return out.array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
