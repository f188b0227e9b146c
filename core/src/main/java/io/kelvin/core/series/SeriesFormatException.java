package io.kelvin.core.series;

import io.kelvin.core.site.load.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A series file or feed answer cannot be read. The message lists every problem found, one per line. */
public class SeriesFormatException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public SeriesFormatException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
