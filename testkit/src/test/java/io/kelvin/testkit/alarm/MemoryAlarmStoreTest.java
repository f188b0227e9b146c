package io.kelvin.testkit.alarm;

import io.kelvin.core.alarm.AlarmStore;

/** The in-memory store the tests use holds to the same contract as the app's store. */
class MemoryAlarmStoreTest extends AlarmStoreContract {

    @Override
    protected AlarmStore newStore() {
        return new MemoryAlarmStore();
    }
}
