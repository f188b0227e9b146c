package io.kelvin.core.series.feeds;

import io.kelvin.core.series.SeriesFormatException;
import io.kelvin.core.site.load.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one feed answer, each with where in it ({@code history[3].datetime}); keeps the first 20. */
final class FeedProblems {

    static final int MAX = 20;

    private final String source;
    private final List<ConfigProblem> list = new ArrayList<>();
    private int dropped;

    FeedProblems(String source) {
        this.source = source;
    }

    void add(String where, String reason) {
        if (list.size() < MAX) {
            list.add(new ConfigProblem(source, where, reason));
        } else {
            dropped++;
        }
    }

    boolean any() {
        return !list.isEmpty();
    }

    SeriesFormatException failure() {
        List<ConfigProblem> all = new ArrayList<>(list);
        if (dropped > 0) {
            all.add(new ConfigProblem(source, "", dropped + " more problems not listed"));
        }
        return new SeriesFormatException(all);
    }

    void throwIfAny() {
        if (any()) {
            throw failure();
        }
    }

    /** Throws at once with this one problem (the answer cannot be read further). */
    SeriesFormatException fatal(String where, String reason) {
        add(where, reason);
        return failure();
    }
}
