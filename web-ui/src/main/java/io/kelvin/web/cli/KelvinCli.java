package io.kelvin.web.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line for a site's state, run by the launcher from the built app's jars with no Quarkus:
 * {@code ./kelvin user|client|audit|replan ... [--data-dir DIR]} against {@code DATA_DIR/kelvin-db} (default
 * {@code var}), with the app stopped or running, or {@code --jdbc-url URL --db-user USER} (password in
 * {@code KELVIN_DB_PASSWORD}) for PostgreSQL. A new command is a {@link Command} added to {@link #COMMANDS}
 * and a case in the launcher.
 */
public final class KelvinCli {

    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("user", new UserCommand());
        COMMANDS.put("client", new ClientCommand());
        COMMANDS.put("audit", new AuditCommand());
        COMMANDS.put("replan", new ReplanCommand());
    }

    private KelvinCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Exit code: 0 done, 1 refused or broken (message on {@code err}), 2 usage error. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !COMMANDS.containsKey(args.get(0))) {
            err.println("usage: ./kelvin COMMAND ... [--data-dir DIR | --jdbc-url URL --db-user USER]");
            COMMANDS.values().forEach(c -> err.println(c.usage().indent(2).stripTrailing()));
            return 2;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        Path dataDir = Path.of(take(rest, "--data-dir", "var"));
        String jdbcUrl = take(rest, "--jdbc-url", null);
        String dbUser = take(rest, "--db-user", "kelvin");
        Command command = COMMANDS.get(args.get(0));
        try {
            CliContext context = CliContext.open(dataDir, jdbcUrl, dbUser, System.getenv("KELVIN_DB_PASSWORD"), out);
            return command.run(rest, context);
        } catch (IllegalArgumentException | io.kelvin.identity.AlreadyExistsException
                 | io.kelvin.identity.NotFoundException refused) {
            err.println("kelvin: " + refused.getMessage());
            if (refused instanceof IllegalArgumentException && refused.getMessage().startsWith("missing")) {
                err.println(command.usage());
                return 2;
            }
            return 1;
        } catch (IllegalStateException database) {
            err.println("kelvin: " + database.getMessage());
            return 1;
        }
    }

    /** Removes {@code --name value} (or {@code --name=value}) from {@code args} and returns the value. */
    private static String take(List<String> args, String name, String fallback) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                String value = args.remove(i + 1);
                args.remove(i);
                return value;
            }
            if (args.get(i).startsWith(name + "=")) {
                return args.remove(i).substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
