package io.kelvin.web.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Positional words and {@code --name value} options of a command line. */
record Args(List<String> words, Map<String, String> options) {

    static Args parse(List<String> args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    options.put(arg.substring(2, eq), arg.substring(eq + 1));
                } else if (i + 1 < args.size()) {
                    options.put(arg.substring(2), args.get(++i));
                } else {
                    throw new IllegalArgumentException(arg + ": needs a value");
                }
            } else {
                words.add(arg);
            }
        }
        return new Args(List.copyOf(words), Map.copyOf(options));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String word(int index, String what) {
        if (index >= words.size()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return words.get(index);
    }
}
