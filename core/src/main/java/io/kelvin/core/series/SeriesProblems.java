package io.kelvin.core.series;

import io.kelvin.core.site.load.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one series source (a file, a feed answer), each with where in it ({@code line 12},
 * {@code history[3].datetime}), and turns them into one {@link SeriesFormatException}; keeps the first 20.
 */
public final class SeriesProblems {

    public static final int MAX = 20;

    private final String source;
    private final List<ConfigProblem> list = new ArrayList<>();
    private int dropped;

    public SeriesProblems(String source) {
        this.source = source;
    }

    public void add(String where, String reason) {
        if (list.size() < MAX) {
            list.add(new ConfigProblem(source, where, reason));
        } else {
            dropped++;
        }
    }

    public boolean any() {
        return !list.isEmpty();
    }

    public SeriesFormatException failure() {
        List<ConfigProblem> all = new ArrayList<>(list);
        if (dropped > 0) {
            all.add(new ConfigProblem(source, "", dropped + " more problems not listed"));
        }
        return new SeriesFormatException(all);
    }

    public void throwIfAny() {
        if (any()) {
            throw failure();
        }
    }

    /** Throws at once with this one problem (the answer cannot be read further). */
    public SeriesFormatException fatal(String where, String reason) {
        add(where, reason);
        return failure();
    }
}
