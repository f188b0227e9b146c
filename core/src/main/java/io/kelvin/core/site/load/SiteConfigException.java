package io.kelvin.core.site.load;

import java.util.List;
import java.util.stream.Collectors;

/** A site or profile file is not valid. The message lists every problem, one per line. */
public class SiteConfigException extends RuntimeException {

    private final transient List<ConfigProblem> problems;

    public SiteConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
