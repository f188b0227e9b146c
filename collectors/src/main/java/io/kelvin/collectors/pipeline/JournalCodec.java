package io.kelvin.collectors.pipeline;

import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The byte layout of {@link SampleJournal} files, version 1. All integers are big-endian.
 *
 * <pre>
 * file    = magic "KJNL" (4 bytes), version (int32 = 1), record*
 * record  = payloadLength (int32, 1..MAX_PAYLOAD), crc32c(payload) (int32), payload
 * payload = sampleCount (int32), sample*
 * sample  = device (UTF), point (UTF), value (float64), quality name (UTF),
 *           sourceTime seconds (int64), nanos (int32), collectedAt seconds (int64), nanos (int32)
 * </pre>
 *
 * UTF is Java's modified UTF-8 with a 2-byte length ({@link DataOutputStream#writeUTF}). One
 * record is one batch (or a few, when a backlog moves to disk), replayed whole or not at all.
 */
final class JournalCodec {

    static final byte[] MAGIC = {'K', 'J', 'N', 'L'};
    static final int VERSION = 1;
    static final int FILE_HEADER_BYTES = 8;
    static final int RECORD_HEADER_BYTES = 8;
    /** 64 MiB: larger than any batch (a 5,000-sample batch is about 300 KiB), so a bigger length is garbage. */
    static final int MAX_PAYLOAD = 64 << 20;

    private JournalCodec() {
    }

    static ByteBuffer fileHeader() {
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES);
        header.put(MAGIC).putInt(VERSION).flip();
        return header;
    }

    /** Header and payload of one record, ready to write. */
    static ByteBuffer encode(List<Sample> batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * batch.size() + 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(batch.size());
            for (Sample sample : batch) {
                out.writeUTF(sample.point().device());
                out.writeUTF(sample.point().point());
                out.writeDouble(sample.value());
                out.writeUTF(sample.quality().name());
                out.writeLong(sample.sourceTime().getEpochSecond());
                out.writeInt(sample.sourceTime().getNano());
                out.writeLong(sample.collectedAt().getEpochSecond());
                out.writeInt(sample.collectedAt().getNano());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a batch in memory", e);
        }
        ByteBuffer record = ByteBuffer.wrap(bytes.toByteArray());
        int payloadLength = record.remaining() - RECORD_HEADER_BYTES;
        if (payloadLength > MAX_PAYLOAD) {
            throw new IllegalArgumentException("batch of " + batch.size() + " samples is larger than a journal record may be");
        }
        record.putInt(0, payloadLength);
        record.putInt(4, crc(record.array(), RECORD_HEADER_BYTES, payloadLength));
        return record;
    }

    /** Decodes a payload whose checksum was verified. */
    static List<Sample> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<Sample> batch = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                PointId point = PointId.of(in.readUTF(), in.readUTF());
                double value = in.readDouble();
                Quality quality = Quality.valueOf(in.readUTF());
                Instant source = Instant.ofEpochSecond(in.readLong(), in.readInt());
                Instant collected = Instant.ofEpochSecond(in.readLong(), in.readInt());
                batch.add(new Sample(point, value, quality, source, collected));
            }
            return batch;
        } catch (IOException e) {
            throw new UncheckedIOException("journal record with a valid checksum does not decode", e);
        }
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
