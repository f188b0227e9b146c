package io.kelvin.web.cli;

import java.util.List;

/** One {@code ./kelvin NAME ...} command. Returns the exit code; IllegalArgumentException is a usage error. */
interface Command {

    /** One line per form, for {@code ./kelvin help} and usage errors. */
    String usage();

    int run(List<String> args, CliContext context);
}
