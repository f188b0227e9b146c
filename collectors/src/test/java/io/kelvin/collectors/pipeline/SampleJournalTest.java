package io.kelvin.collectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.telemetry.PointId;
import io.kelvin.core.telemetry.Quality;
import io.kelvin.core.telemetry.Sample;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleJournalTest {

    static final Instant BASE = Instant.parse("2025-01-06T00:00:00Z");
    static final PointId POWER = PointId.of("meter-01", "power_kw");

    @TempDir
    Path dir;

    @Test
    void batchesComeBackInOrderWithEveryFieldAfterReopening() {
        List<Sample> odd = List.of(new Sample(POWER, Double.NaN, Quality.COMM_FAILED,
                BASE.plusNanos(123_456_789), BASE.plusSeconds(1)));
        try (SampleJournal journal = SampleJournal.open(dir, SampleJournal.DEFAULT_SEGMENT_BYTES)) {
            assertThat(journal.append(batch(0, 10))).isTrue();
            assertThat(journal.append(odd)).isTrue();
        }

        try (SampleJournal journal = SampleJournal.open(dir, SampleJournal.DEFAULT_SEGMENT_BYTES)) {
            assertThat(journal.samples()).isEqualTo(11);
            assertThat(drain(journal)).containsExactly(batch(0, 10), odd);
            assertThat(journal.discardedBytes()).isZero();
        }
    }

    @Test
    void aRecordCutShortByACrashIsDiscardedAndTheGoodRecordsBeforeItAreKept() throws IOException {
        writeThreeBatches();
        Path segment = onlySegment();
        // a crash mid-append leaves the last record's header and part of its payload
        long size = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(size - 100);
        }

        try (SampleJournal journal = SampleJournal.open(dir, SampleJournal.DEFAULT_SEGMENT_BYTES)) {
            assertThat(journal.discardedBytes()).isPositive();
            assertThat(journal.append(batch(200, 210))).isTrue();
            assertThat(drain(journal)).containsExactly(batch(0, 10), batch(10, 20), batch(200, 210));
        }
    }

    @Test
    void aRecordWhoseChecksumFailsIsDiscardedWithEverythingAfterIt() throws IOException {
        writeThreeBatches();
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            // flip one byte in the middle of the last record's payload
            long position = Files.size(segment) - 50;
            file.seek(position);
            int b = file.read();
            file.seek(position);
            file.write(b ^ 0xFF);
        }

        try (SampleJournal journal = SampleJournal.open(dir, SampleJournal.DEFAULT_SEGMENT_BYTES)) {
            assertThat(journal.discardedBytes()).isPositive();
            assertThat(drain(journal)).containsExactly(batch(0, 10), batch(10, 20));
        }
    }

    @Test
    void segmentsRollAndEachIsDeletedOnceReplayedLeavingAnEmptyDirectory() throws IOException {
        try (SampleJournal journal = SampleJournal.open(dir, 4096)) {
            for (int i = 0; i < 20; i++) {
                journal.append(batch(i * 10, i * 10 + 10));
            }
            assertThat(segments()).hasSizeGreaterThan(3);
            List<List<Sample>> replayed = drain(journal);
            assertThat(replayed.stream().flatMap(List::stream).toList()).isEqualTo(batch(0, 200));
            assertThat(segments()).isEmpty();
            assertThat(journal.append(batch(500, 501))).isTrue();
        }
        try (SampleJournal journal = SampleJournal.open(dir, 4096)) {
            assertThat(drain(journal)).containsExactly(batch(500, 501));
        }
    }

    @Test
    void theJournalStaysUnderItsCapByDroppingItsOldestSegmentsAndCountsTheirSamples() throws IOException {
        // segments of 4 KiB under a 16 KiB cap; a batch of 10 samples is about 500 bytes
        long cap = 16 * 1024;
        try (SampleJournal journal = SampleJournal.open(dir, 4096, cap, java.nio.channels.FileChannel::open)) {
            for (int i = 0; i < 100; i++) {
                assertThat(journal.append(batch(i * 10, i * 10 + 10))).isTrue();
                assertThat(journal.bytes()).isLessThanOrEqualTo(cap);
                assertThat(segments().stream().mapToLong(SampleJournalTest::size).sum()).isEqualTo(journal.bytes());
            }
            List<Sample> kept = drain(journal).stream().flatMap(List::stream).toList();

            // what is left is the newest samples, without a gap; everything older was counted
            assertThat(journal.evicted()).isPositive().isEqualTo(1000L - kept.size());
            assertThat(kept).isEqualTo(batch(1000 - kept.size(), 1000));
        }
    }

    @Test
    void anAppendTheFullDiskRefusesLeavesTheJournalAsItWasAndTheNextOneAfterSpaceReturnsSucceeds() {
        FillableDisk disk = new FillableDisk();
        try (SampleJournal journal = SampleJournal.open(dir, 4096, 1 << 20, disk)) {
            assertThat(journal.append(batch(0, 10))).isTrue();
            disk.fill();
            assertThat(journal.append(batch(10, 20))).isFalse();
            assertThat(journal.append(batch(20, 100))).as("a new segment cannot be made either").isFalse();
            assertThat(journal.appendFailure()).contains(FillableDisk.ENOSPC).contains(dir.toString());
            disk.free();
            assertThat(journal.append(batch(100, 110))).isTrue();
        }
        try (SampleJournal journal = SampleJournal.open(dir, 4096)) {
            assertThat(journal.discardedBytes()).isZero();
            assertThat(drain(journal)).containsExactly(batch(0, 10), batch(100, 110));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeThreeBatches() {
        try (SampleJournal journal = SampleJournal.open(dir, SampleJournal.DEFAULT_SEGMENT_BYTES)) {
            journal.append(batch(0, 10));
            journal.append(batch(10, 20));
            journal.append(batch(20, 30));
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".kjl")).sorted().toList();
        }
    }

    static List<List<Sample>> drain(Spill spill) {
        List<List<Sample>> batches = new ArrayList<>();
        while (!spill.isEmpty()) {
            batches.add(spill.head());
            spill.removeHead();
        }
        return batches;
    }

    /** Sample i at BASE + i s with value i. */
    static List<Sample> batch(int from, int to) {
        List<Sample> samples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            samples.add(Sample.good(POWER, i, BASE.plusSeconds(i)));
        }
        return samples;
    }
}
