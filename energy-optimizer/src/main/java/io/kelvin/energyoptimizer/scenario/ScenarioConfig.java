package io.kelvin.energyoptimizer.scenario;

import io.kelvin.energyoptimizer.model.SiteModel;
import io.kelvin.energyoptimizer.solve.SolverSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

/** The scenario settings; every key is documented in {@code scenario/reference.properties}. */
public record ScenarioConfig(Properties props) {

    public static final String REFERENCE = "scenario/reference.properties";

    /** Loads a file, or the reference scenario from the classpath when {@code file} is null. */
    public static ScenarioConfig load(Path file) {
        Properties p = new Properties();
        try (InputStream in = file == null ? ScenarioConfig.class.getClassLoader().getResourceAsStream(REFERENCE)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new IllegalStateException(REFERENCE + " not on the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScenarioConfig(p);
    }

    public ScenarioConfig with(String key, String value) {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty(key, value);
        return new ScenarioConfig(p);
    }

    public String text(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("scenario: missing key " + key);
        }
        return v.trim();
    }

    public double number(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scenario: " + key + ": not a number: " + text(key), e);
        }
    }

    public int integer(String key) {
        return (int) number(key);
    }

    /** An integer key that older scenario files may leave out. */
    public int integer(String key, int ifMissing) {
        return props.getProperty(key) == null ? ifMissing : integer(key);
    }

    public double[] tariff() {
        double[] t = Arrays.stream(text("tariff").split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        if (t.length != 24) {
            throw new IllegalArgumentException("scenario: tariff: needs 24 hourly prices, has " + t.length);
        }
        return t;
    }

    public SiteModel site() {
        return new SiteModel(integer("gpus"), number("idleKwPerGpu"), number("activeKwPerGpu"),
                number("importLimitKw"), Boolean.parseBoolean(text("exportAllowed")));
    }

    public SolverSettings solver() {
        return new SolverSettings(SolverSettings.Backend.valueOf(text("solver")),
                Duration.ofMillis((long) (number("timeLimitSeconds") * 1000)), number("relativeGap"), integer("workers"));
    }
}
