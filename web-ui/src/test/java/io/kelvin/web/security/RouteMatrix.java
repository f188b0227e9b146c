package io.kelvin.web.security;

import io.kelvin.core.identity.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The route matrix of web-ui/README.md (the table under "Security" that starts "| Route | Credential |"). */
record RouteMatrix(List<Rule> rules) {

    static final Path README = Path.of("README.md");
    private static final String HEADER = "| Route | Credential |";
    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH|VIEW) ([^`]+)` \\|(.*)\\|\\s*$");
    /** Column order of the table after Route and Credential. */
    private static final List<String> COLUMNS = List.of("VIEWER", "OPERATOR", "AUDITOR", "GRID_OPERATOR", "PLATFORM",
            "ADMIN", "anonymous");

    /** One row: who may call {@code method path}, and with which credential. */
    record Rule(String method, String path, String credential, Set<Role> roles, boolean anonymous) {
        String key() {
            return method + " " + path;
        }
    }

    static RouteMatrix read() {
        try {
            List<Rule> rules = new ArrayList<>();
            boolean inTable = false;
            for (String line : Files.readAllLines(README)) {
                if (line.startsWith(HEADER)) {
                    inTable = true;
                    continue;
                }
                if (inTable && !line.startsWith("|")) {
                    break;
                }
                Matcher m = ROW.matcher(line);
                if (!inTable || !m.matches()) {
                    continue;
                }
                String[] cells = m.group(3).split("\\|");
                if (cells.length != COLUMNS.size() + 1) {
                    throw new IllegalStateException("README.md: matrix row has " + cells.length + " cells: " + line);
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (int i = 0; i < COLUMNS.size() - 1; i++) {
                    if (yes(cells[i + 1], line)) {
                        roles.add(Role.valueOf(COLUMNS.get(i)));
                    }
                }
                rules.add(new Rule(m.group(1), m.group(2).trim(), cells[0].trim(), roles,
                        yes(cells[COLUMNS.size()], line)));
            }
            return new RouteMatrix(List.copyOf(rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean yes(String cell, String line) {
        String value = cell.trim();
        if (!value.equals("yes") && !value.equals("-")) {
            throw new IllegalStateException("README.md: matrix cells are 'yes' or '-', found '" + value + "' in " + line);
        }
        return value.equals("yes");
    }
}
