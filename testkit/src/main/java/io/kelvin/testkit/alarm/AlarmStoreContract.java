package io.kelvin.testkit.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.alarm.AckState;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.alarm.AlarmStore;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.ConfirmState;
import io.kelvin.core.alarm.EventId;
import io.kelvin.core.alarm.HistoryPage;
import io.kelvin.core.alarm.HistoryQuery;
import io.kelvin.core.alarm.Note;
import io.kelvin.core.alarm.OperatorMarks;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.alarm.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AlarmStore} must do; a store's test extends this and says how to make an empty one.
 * Expected orders come from {@link Alarm#DISPLAY_ORDER} (active first, then severity, highest first) and
 * from the port's contract for history (newest first).
 */
public abstract class AlarmStoreContract {

    protected static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private AlarmStore store;

    /** An empty store. */
    protected abstract AlarmStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void aSavedAlarmIsFoundByItsKeyAndABranchIsAnotherAlarm() {
        AlarmKey trunk = AlarmKey.of("cdu-01", "nsu=urn:t;s=Leak");
        AlarmKey branch = new AlarmKey("cdu-01", "nsu=urn:t;s=Leak", Optional.of("nsu=urn:t;g=1f0c"));
        store.save(alarm(trunk, 900, true, true, T0), List.of());
        store.save(alarm(branch, 900, false, true, T0), List.of());

        assertThat(store.find(trunk)).get().extracting(Alarm::active).isEqualTo(true);
        assertThat(store.find(branch)).get().extracting(Alarm::active).isEqualTo(false);
        assertThat(store.find(AlarmKey.of("cdu-02", "nsu=urn:t;s=Leak"))).isEmpty();
    }

    @Test
    void savingAgainReplacesTheStateAndKeepsEveryHistoryLine() {
        AlarmKey key = AlarmKey.of("cdu-01", "nsu=urn:t;s=Leak");
        Alarm raised = alarm(key, 900, true, true, T0);
        store.save(raised, List.of(line(raised, Transition.RAISED, T0)));
        Alarm returned = alarm(key, 900, false, true, T0.plusSeconds(60));
        store.save(returned, List.of(line(returned, Transition.RETURNED_TO_NORMAL, T0.plusSeconds(60))));

        assertThat(store.find(key)).contains(returned);
        assertThat(store.history(HistoryQuery.of(key, 10)).lines()).extracting(AlarmTransition::kind)
                .containsExactly(Transition.RETURNED_TO_NORMAL, Transition.RAISED);
    }

    @Test
    void currentAlarmsComeActiveFirstBySeverityWithoutClearedOnes() {
        Alarm low = alarm(AlarmKey.of("cdu-01", "s=Low"), 300, true, true, T0);
        Alarm high = alarm(AlarmKey.of("cdu-02", "s=High"), 900, true, true, T0);
        Alarm returned = alarm(AlarmKey.of("cdu-03", "s=Returned"), 1000, false, true, T0);
        Alarm cleared = alarm(AlarmKey.of("cdu-04", "s=Gone"), 1000, false, false, T0);
        List.of(low, returned, cleared, high).forEach(a -> store.save(a, List.of()));

        assertThat(store.current(10)).containsExactly(high, low, returned);
        assertThat(store.current(2)).containsExactly(high, low);
        assertThat(store.currentOf("cdu-03")).containsExactly(returned);
        assertThat(store.currentOf("cdu-04")).isEmpty();
    }

    @Test
    void historyPagesNewestFirstWithTheTotalAndFilters() {
        AlarmKey a = AlarmKey.of("cdu-01", "s=A");
        AlarmKey b = AlarmKey.of("cdu-02", "s=B");
        for (int i = 0; i < 5; i++) {
            Alarm alarm = alarm(i % 2 == 0 ? a : b, 500, true, true, T0.plusSeconds(i));
            store.save(alarm, List.of(line(alarm, Transition.UPDATED, T0.plusSeconds(i))));
        }

        HistoryPage first = store.history(HistoryQuery.newest(2));
        HistoryPage second = store.history(HistoryQuery.newest(2).page(2, 2));
        assertThat(first.lines()).extracting(AlarmTransition::recordedAt).containsExactly(T0.plusSeconds(4), T0.plusSeconds(3));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.lines()).extracting(AlarmTransition::recordedAt).containsExactly(T0.plusSeconds(2), T0.plusSeconds(1));

        HistoryQuery ofB = new HistoryQuery(Optional.of("cdu-02"), Optional.empty(), Optional.of(T0.plusSeconds(2)),
                Optional.of(T0.plusSeconds(4)), 0, 10);
        // lines of cdu-02 are at T0+1 s and T0+3 s; [T0+2 s, T0+4 s) keeps the second
        assertThat(store.history(ofB).lines()).extracting(AlarmTransition::recordedAt).containsExactly(T0.plusSeconds(3));
    }

    @Test
    void operatorNotesSurviveTheRoundTrip() {
        AlarmKey key = AlarmKey.of("cdu-01", "nsu=urn:t;s=Leak");
        Note note = new Note("alice", T0.plusSeconds(5), "valve closed, drying", Note.Origin.KELVIN);
        OperatorMarks marks = new OperatorMarks(AckState.ACKNOWLEDGED, Optional.of(note), ConfirmState.UNCONFIRMED,
                Optional.empty(), Shelving.TIMED, Optional.of(T0.plusSeconds(3600)), Optional.of(note));
        Alarm acked = new Alarm(handle(key), "i=2915", "Alarms", "LeakDetected", 900, "Leak", Optional.of("BadSensorFailure"),
                true, true, marks, true, T0, T0.plusSeconds(5), T0.plusSeconds(5));
        AlarmTransition line = new AlarmTransition(key, Transition.ACKNOWLEDGED, AlarmPhase.ACKNOWLEDGED, 900, "Leak",
                T0.plusSeconds(5), T0.plusSeconds(5), Optional.of(note));
        store.save(acked, List.of(line));

        assertThat(store.find(key)).contains(acked);
        assertThat(store.history(HistoryQuery.of(key, 1)).lines()).containsExactly(line);
    }

    /** An alarm with {@code severity}, active or not, retained or not, changed at {@code at}. */
    protected static Alarm alarm(AlarmKey key, int severity, boolean active, boolean retained, Instant at) {
        OperatorMarks marks = new OperatorMarks(AckState.UNACKNOWLEDGED, Optional.empty(), ConfirmState.NOT_OFFERED,
                Optional.empty(), Shelving.NOT_OFFERED, Optional.empty(), Optional.empty());
        return new Alarm(handle(key), "i=2915", "Alarms", key.conditionId(), severity, "message of " + key,
                Optional.empty(), true, active, marks, retained, at, at, at);
    }

    private static ConditionHandle handle(AlarmKey key) {
        return new ConditionHandle(key, new EventId("0a0b"), Optional.empty());
    }

    private static AlarmTransition line(Alarm alarm, Transition kind, Instant at) {
        return new AlarmTransition(alarm.key(), kind, alarm.phase(), alarm.severity(), alarm.message(), at, at,
                Optional.empty());
    }
}
