package io.kelvin.energyoptimizer.app;

import io.kelvin.core.dr.GuardAction;
import io.kelvin.core.dr.GuardLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link GuardLog} held in memory, for tests and benches (the app keeps its actions in the state database). */
public final class InMemoryGuardLog implements GuardLog {

    private final List<GuardAction> actions = new ArrayList<>();

    @Override
    public synchronized void record(GuardAction action) {
        actions.add(action);
    }

    @Override
    public synchronized List<GuardAction> forEvent(String eventId) {
        return actions.stream().filter(a -> a.concerns(eventId)).sorted(Comparator.comparing(GuardAction::at)).toList();
    }
}
