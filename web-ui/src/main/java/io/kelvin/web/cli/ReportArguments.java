package io.kelvin.web.cli;

import io.kelvin.reports.export.ReportFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code ./kelvin report}, checked before anything is read: which data, which
 * period, which format, where to write. A bad option throws {@link UsageException} naming it.
 */
record ReportArguments(Optional<Path> dataDir, Optional<Path> site, Optional<String> period, Optional<String> from,
                       Optional<String> to, ReportFormat format, Path out, Optional<String> influxUrl, String influxDb,
                       Optional<String> influxUser, Optional<String> influxPasswordEnv, java.util.OptionalDouble completeness) {

    static final String USAGE = "usage: ./kelvin report (--data-dir DIR | --influx-url URL [--influx-db NAME]) "
            + "(--period 2026-03|2026-Q1|2026 | --from T --to T) --format csv|xlsx|pdf|eed --out FILE "
            + "[--site FILE] [--completeness 0.95] [--influx-user U --influx-password-env VAR]";

    private static final Set<String> OPTIONS = Set.of("--data-dir", "--site", "--period", "--from", "--to", "--format",
            "--out", "--influx-url", "--influx-db", "--influx-user", "--influx-password-env", "--completeness");

    /** A bad command line: the message says which option and why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static ReportArguments parse(String... args) throws UsageException {
        Map<String, String> options = options(args);
        String formatName = required(options, "--format");
        ReportFormat format = ReportFormat.named(formatName).orElseThrow(() -> new UsageException(
                "--format '" + formatName + "' is not one of csv, xlsx, pdf, eed"));
        Path out = Path.of(required(options, "--out"));
        Optional<String> period = opt(options, "--period");
        Optional<String> from = opt(options, "--from");
        Optional<String> to = opt(options, "--to");
        if (period.isPresent() == (from.isPresent() || to.isPresent()) || from.isPresent() != to.isPresent()) {
            throw new UsageException("give either --period, or both --from and --to");
        }
        Optional<String> influxUrl = opt(options, "--influx-url");
        Optional<Path> dataDir = opt(options, "--data-dir").map(Path::of);
        if (dataDir.isEmpty() && influxUrl.isEmpty()) {
            throw new UsageException("--data-dir is required (or --influx-url to read an InfluxDB store)");
        }
        Optional<String> user = opt(options, "--influx-user");
        Optional<String> passwordEnv = opt(options, "--influx-password-env");
        if (user.isPresent() != passwordEnv.isPresent()) {
            throw new UsageException("--influx-user and --influx-password-env go together");
        }
        return new ReportArguments(dataDir, opt(options, "--site").map(Path::of), period, from, to, format, out, influxUrl,
                opt(options, "--influx-db").orElse("kelvin"), user, passwordEnv, completeness(options));
    }

    private static Map<String, String> options(String[] args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i += 2) {
            String name = list.get(i);
            if (!OPTIONS.contains(name)) {
                throw new UsageException("unknown option '" + name + "'");
            }
            if (i + 1 >= list.size() || list.get(i + 1).startsWith("--")) {
                throw new UsageException(name + " needs a value");
            }
            if (options.put(name, list.get(i + 1)) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        return options;
    }

    /** The --completeness given; empty for the site file's threshold. */
    private static java.util.OptionalDouble completeness(Map<String, String> options) throws UsageException {
        if (!options.containsKey("--completeness")) {
            return java.util.OptionalDouble.empty();
        }
        String text = options.get("--completeness");
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return java.util.OptionalDouble.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--completeness '" + text + "' must be a share 0..1 (0.95 = 95 %)");
    }

    private static String required(Map<String, String> options, String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    private static Optional<String> opt(Map<String, String> options, String name) {
        return Optional.ofNullable(options.get(name));
    }
}
