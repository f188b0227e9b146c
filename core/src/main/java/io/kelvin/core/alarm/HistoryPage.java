package io.kelvin.core.alarm;

import java.util.List;

/** One page of history lines, newest first, with the number of lines matching the query in all. */
public record HistoryPage(List<AlarmTransition> lines, long total, int offset) {

    public HistoryPage {
        lines = List.copyOf(lines);
    }

    public boolean hasMore() {
        return offset + lines.size() < total;
    }
}
