package io.kelvin.testkit.alarm;

import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.AlarmStore;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.HistoryPage;
import io.kelvin.core.alarm.HistoryQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AlarmStore} in plain collections, for tests only (the app keeps alarms in its state
 * database). Holds to {@link AlarmStoreContract} like every other store.
 */
public final class MemoryAlarmStore implements AlarmStore {

    private final Map<AlarmKey, Alarm> alarms = new LinkedHashMap<>();
    private final List<AlarmTransition> lines = new ArrayList<>();

    @Override
    public synchronized Optional<Alarm> find(AlarmKey key) {
        return Optional.ofNullable(alarms.get(key));
    }

    @Override
    public synchronized void save(Alarm alarm, List<AlarmTransition> transitions) {
        alarms.put(alarm.key(), alarm);
        lines.addAll(transitions);
    }

    @Override
    public synchronized List<Alarm> current(int limit) {
        return alarms.values().stream().filter(a -> a.phase().isCurrent()).sorted(Alarm.DISPLAY_ORDER).limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Alarm> currentOf(String device) {
        return alarms.values().stream().filter(a -> a.phase().isCurrent() && a.device().equals(device))
                .sorted(Alarm.DISPLAY_ORDER).toList();
    }

    @Override
    public synchronized HistoryPage history(HistoryQuery query) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (query.matches(lines.get(i))) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing((Integer i) -> lines.get(i).recordedAt()).thenComparing(i -> i).reversed());
        List<AlarmTransition> page = order.stream().skip(query.offset()).limit(query.limit()).map(lines::get).toList();
        return new HistoryPage(page, order.size(), query.offset());
    }
}
