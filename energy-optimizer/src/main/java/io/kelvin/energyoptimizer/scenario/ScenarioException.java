package io.kelvin.energyoptimizer.scenario;

import java.util.List;

/** A scenario file has problems; the message lists each as {@code file: path: reason}, one per line. */
public final class ScenarioException extends RuntimeException {

    private final transient List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
