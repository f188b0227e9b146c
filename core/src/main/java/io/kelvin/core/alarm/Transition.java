package io.kelvin.core.alarm;

/** What happened to an alarm, as one line of its history. */
public enum Transition {
    /** Became active (first seen, or active again after returning to normal). */
    RAISED,
    /** First seen while already inactive (e.g. replayed by a ConditionRefresh, still unacknowledged). */
    APPEARED,
    RETURNED_TO_NORMAL,
    ACKNOWLEDGED,
    CONFIRMED,
    SHELVED,
    UNSHELVED,
    ENABLED,
    DISABLED,
    /** Severity or message changed, nothing else. */
    UPDATED,
    /** The device dropped it (Retain false). */
    CLEARED,
    /** Not among the conditions the device replayed after a reconnect: it was cleared while Kelvin was away. */
    CLEARED_BY_REFRESH
}
