package io.kelvin.core.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The newest alarms devices reported, newest first, kept in memory up to a capacity (the oldest go
 * first). An {@link AlarmSink}, so collectors hand alarms straight to it; safe for many threads.
 */
public final class AlarmLog implements AlarmSink {

    private final int capacity;
    private final Deque<Alarm> alarms = new ArrayDeque<>();
    private long received;

    public AlarmLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void accept(Alarm alarm) {
        alarms.addFirst(alarm);
        received++;
        if (alarms.size() > capacity) {
            alarms.removeLast();
        }
    }

    /** Up to {@code limit} alarms, newest first. */
    public synchronized List<Alarm> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<Alarm> out = new ArrayList<>(Math.min(limit, alarms.size()));
        for (Alarm a : alarms) {
            if (out.size() == limit) {
                break;
            }
            out.add(a);
        }
        return out;
    }

    /** Alarms received since start, including those the capacity has since pushed out. */
    public synchronized long received() {
        return received;
    }
}
