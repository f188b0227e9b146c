package io.kelvin.energyoptimizer.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ScenarioMatrix [DIR | FILE.yaml ...] [--threads=N] [key=value ...]}: runs every {@code *.yaml}
 * scenario of a folder (default {@code energy-optimizer/scenarios/matrix}), or the files given, and prints one line per scenario (each
 * policy's replay objective, cost, CO2, misses, DR compliance and captured share), in file-name order,
 * then {@code matrix: N scenarios, optimizer worse than greedy on W, median captured C %}. Scenarios run
 * {@code threads} at a time (default 2); every solve is bounded by work, so the figures do not depend on
 * how many run at once, only the timings do.
 */
public final class ScenarioMatrix {

    private ScenarioMatrix() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of("energy-optimizer/scenarios/matrix");
        int threads = 2;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<Path> given = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--threads=")) {
                threads = Integer.parseInt(a.substring("--threads=".length()));
            } else if (a.contains("=")) {
                String[] kv = a.split("=", 2);
                overrides.put(kv[0], kv[1]);
            } else if (a.endsWith(".yaml")) {
                given.add(Path.of(a));
            } else {
                dir = Path.of(a);
            }
        }
        List<Path> files = given.isEmpty() ? files(dir) : given;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<ScenarioOutcome>> futures = new ArrayList<>();
        for (Path f : files) {
            futures.add(pool.submit(() -> {
                Scenario s = ScenarioFile.load(f, overrides);
                return ScenarioOutcome.of(s, ScenarioMain.run(s));
            }));
        }
        pool.shutdown();
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                ScenarioOutcome o = futures.get(i).get();
                outcomes.add(o);
                System.out.println(line(files.get(i), o));
            } catch (ExecutionException e) {
                System.out.println("scenario " + files.get(i).getFileName() + ": FAILED: " + e.getCause().getMessage());
            }
        }
        System.out.println(summary(outcomes, files.size()));
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(Path file, ScenarioOutcome o) {
        StringBuilder b = new StringBuilder("scenario " + file.getFileName().toString().replace(".yaml", "") + ":");
        for (ScenarioResult r : List.of(o.optimizer(), o.greedy(), o.runImmediately())) {
            b.append(String.format(Locale.ROOT, " | %s objective %.0f EUR cost %.0f EUR CO2 %.0f kg missed %d dr %.1f %%"
                            + " captured %s", r.policy().startsWith("optimizer") ? "optimizer" : r.policy(),
                    r.replayObjectiveEur(), r.costEur(), r.emissionsKg(), r.missed(), r.drCompliancePct(), o.capturedPct(r)));
        }
        return b.append(String.format(Locale.ROOT, " | bound %.0f EUR", o.boundEur())).toString();
    }

    static String summary(List<ScenarioOutcome> outcomes, int scenarios) {
        long worse = outcomes.stream().filter(o -> o.optimizer().replayObjectiveEur() > o.greedy().replayObjectiveEur()
                || o.optimizer().replayObjectiveEur() > o.runImmediately().replayObjectiveEur()
                || o.optimizer().drCompliancePct() < 100).count();
        double[] captured = outcomes.stream().mapToDouble(o -> o.captured(o.optimizer())).filter(d -> !Double.isNaN(d))
                .sorted().toArray();
        double median = captured.length == 0 ? Double.NaN : captured.length % 2 == 1 ? captured[captured.length / 2]
                : (captured[captured.length / 2 - 1] + captured[captured.length / 2]) / 2;
        return String.format(Locale.ROOT, "matrix: %d scenarios, optimizer worse than greedy on %d, median captured %.0f %%",
                scenarios, worse + (scenarios - outcomes.size()), 100 * median);
    }
}
