package io.kelvin.greenpower.dr.oadr;

import java.util.List;

/**
 * An OpenADR document that does not follow the 3.1 schema. {@link #problems()} names each field:
 * {@code "event: intervals[0].payloads[1].values[0]: must be a number (IMPORT_CAPACITY_LIMIT)"}.
 */
public final class OadrFormatException extends RuntimeException {

    private final List<String> problems;

    public OadrFormatException(String what, List<String> problems) {
        super(what + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
