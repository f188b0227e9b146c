package io.kelvin.core.alarm;

import java.util.List;

/**
 * Told of every change the {@link AlarmDesk} saved (to push it to screens). Called after the store
 * took the change, on the thread that made it; must be quick and must not throw.
 */
@FunctionalInterface
public interface AlarmListener {

    AlarmListener NONE = (alarm, transitions) -> {
    };

    void changed(Alarm alarm, List<AlarmTransition> transitions);
}
