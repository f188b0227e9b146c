package io.kelvin.greenpower.dr;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrEventStore;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.DrTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link DrEventStore} in memory, for tests and for a site without a database. Thread-safe. */
public final class InMemoryDrEventStore implements DrEventStore {

    private final Map<String, DrEventStatus> statuses = new LinkedHashMap<>();
    private final List<DrTransition> transitions = new ArrayList<>();
    private final Map<String, List<DrSignal.CapLimit>> caps = new LinkedHashMap<>();

    @Override
    public synchronized Optional<DrEventStatus> find(String eventId) {
        return Optional.ofNullable(statuses.get(eventId));
    }

    @Override
    public synchronized void record(DrEventStatus status, DrTransition transition) {
        statuses.put(status.ref().eventId(), status);
        transitions.add(transition);
    }

    @Override
    public synchronized void refused(DrTransition transition) {
        transitions.add(transition);
    }

    @Override
    public synchronized List<DrEventStatus> all() {
        return statuses.values().stream().sorted(Comparator.comparing(DrEventStatus::receivedAt)).toList();
    }

    @Override
    public synchronized List<DrTransition> history(String eventId) {
        return transitions.stream().filter(t -> t.ref().eventId().equals(eventId)).toList();
    }

    @Override
    public synchronized void recordCaps(EventRef ref, List<DrSignal.CapLimit> limits) {
        caps.put(ref.eventId(), limits.stream().sorted(Comparator.comparing(DrSignal.CapLimit::start)).toList());
    }

    @Override
    public synchronized List<DrSignal.CapLimit> caps(String eventId) {
        return caps.getOrDefault(eventId, List.of());
    }
}
