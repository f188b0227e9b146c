package io.kelvin.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.core.identity.Outcome;
import io.kelvin.identity.MemoryStores;
import io.kelvin.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T08:00:00.123456Z"));
    private final MemoryStores.Audit store = new MemoryStores.Audit();
    private final AuditTrail trail = new AuditTrail(store, clock);

    @BeforeEach
    void fiveRecords() {
        for (int i = 1; i <= 5; i++) {
            trail.record(new AuditEntry(Actor.user("op" + i), AuditKind.SETPOINT_WRITTEN, "cdu-01.supply_temp_setpoint_c",
                    "10.0.0." + i, Outcome.SUCCESS, "before=30.0 requested=3" + i + ".0 readBack=3" + i + ".0"));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void recordsAreChainedFromGenesisAndVerify() {
        AuditRecord first = store.records.get(1L);
        assertThat(first.previousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(store.records.get(2L).previousHash()).isEqualTo(first.hash());
        // Times are kept in whole milliseconds so every database stores them exactly.
        assertThat(first.at()).isEqualTo(Instant.parse("2026-06-01T08:00:00.123Z"));
        ChainVerifier.Result result = trail.verify();
        assertThat(result.ok()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.lastHash()).isEqualTo(store.records.get(5L).hash());
    }

    @Test
    void editedRecordIsNamed() {
        AuditRecord third = store.records.get(3L);
        AuditEntry e = third.entry();
        store.records.put(3L, new AuditRecord(3, third.at(), new AuditEntry(e.actor(), e.kind(), e.target(), e.address(),
                Outcome.SUCCESS, "before=30.0 requested=45.0 readBack=45.0"), third.previousHash(), third.hash()));

        ChainVerifier.Result result = trail.verify();

        assertThat(result.broken()).isPresent();
        assertThat(result.broken().get().seq()).isEqualTo(3);
        assertThat(result.broken().get().reason()).contains("edited");
        assertThat(result.checked()).isEqualTo(2);
    }

    @Test
    void editWithARecomputedHashIsCaughtAtTheNextRecord() {
        AuditRecord third = store.records.get(3L);
        AuditEntry e = third.entry();
        AuditEntry forged = new AuditEntry(Actor.user("someone-else"), e.kind(), e.target(), e.address(), e.outcome(),
                e.detail());
        store.records.put(3L, new AuditRecord(3, third.at(), forged, third.previousHash(),
                HashChain.hash(third.previousHash(), 3, third.at(), forged)));

        assertThat(trail.verify().broken().orElseThrow().seq()).isEqualTo(4);
    }

    @Test
    void deletedRecordIsNamed() {
        store.records.remove(2L);
        ChainVerifier.Break broken = trail.verify().broken().orElseThrow();
        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.reason()).contains("records 2..2 are missing");
    }

    @Test
    void reorderedRecordsAreNamed() {
        AuditRecord second = store.records.get(2L);
        AuditRecord fourth = store.records.get(4L);
        // Swap contents but keep the seq positions: the chain links no longer fit.
        store.records.put(2L, new AuditRecord(2, fourth.at(), fourth.entry(), fourth.previousHash(), fourth.hash()));
        store.records.put(4L, new AuditRecord(4, second.at(), second.entry(), second.previousHash(), second.hash()));

        assertThat(trail.verify().broken().orElseThrow().seq()).isEqualTo(2);
    }

    @Test
    void appendAfterAnotherWriterChainsOntoItsRecord() {
        AuditRecord last = store.last().orElseThrow();
        // Another process appends seq 6 directly; this trail must chain seq 7 onto it.
        AuditEntry other = new AuditEntry(Actor.system("cli"), AuditKind.USER_CREATED, "zoe", "-", Outcome.SUCCESS, "");
        store.append(new AuditRecord(6, clock.instant(), other, last.hash(),
                HashChain.hash(last.hash(), 6, Instant.ofEpochMilli(clock.millis()), other)));
        AuditRecord mine = trail.append(new AuditEntry(Actor.user("op9"), AuditKind.LOGIN, "op9", "-", Outcome.SUCCESS, ""));
        assertThat(mine.seq()).isEqualTo(7);
        assertThat(trail.verify().ok()).isTrue();
    }

    @Test
    void canonicalEncodingSeparatesFieldsSoShiftedTextHashesDifferently() {
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        AuditEntry a = new AuditEntry(Actor.user("ab"), AuditKind.LOGIN, "c", "-", Outcome.SUCCESS, "");
        AuditEntry b = new AuditEntry(Actor.user("a"), AuditKind.LOGIN, "bc", "-", Outcome.SUCCESS, "");
        assertThat(HashChain.hash(HashChain.GENESIS, 1, at, a)).isNotEqualTo(HashChain.hash(HashChain.GENESIS, 1, at, b));
    }
}
