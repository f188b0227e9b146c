package io.kelvin.core.alarm;

import java.util.List;
import java.util.Optional;

/**
 * Where alarms and their history are kept (the state database in the app). Implementations must be
 * safe for many threads. {@link #save} is one transaction: the alarm's state replaced and its
 * transitions appended, or neither.
 */
public interface AlarmStore {

    Optional<Alarm> find(AlarmKey key);

    void save(Alarm alarm, List<AlarmTransition> transitions);

    /** Alarms not cleared, in {@link Alarm#DISPLAY_ORDER} (active first, by severity), at most {@code limit}. */
    List<Alarm> current(int limit);

    /** Every alarm of {@code device} that is not cleared, in {@link Alarm#DISPLAY_ORDER}. */
    List<Alarm> currentOf(String device);

    /** History lines matching {@code query}, newest first ({@code recordedAt}, then insertion order). */
    HistoryPage history(HistoryQuery query);
}
