package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.api.JobRequest;
import io.kelvin.energyoptimizer.api.JobRequestValidator;
import io.kelvin.energyoptimizer.model.Horizon;
import io.kelvin.energyoptimizer.model.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRequestValidatorTest {

    private static final Instant T0 = Tiny.T0;
    private final JobRequestValidator validator = new JobRequestValidator(Tiny.SITE);

    private static JobRequest request(Integer gpus, Double perGpu, Duration duration, Instant release, Instant deadline) {
        return new JobRequest("train-7", gpus, perGpu, null, duration, release, deadline, 2, true, Duration.ofMinutes(10));
    }

    @Test
    void validRequestHasNoProblemsAndBecomesSlots() {
        JobRequest r = request(4, 1.0, Duration.ofMinutes(40), T0.plusSeconds(900), T0.plusSeconds(4 * 3600));
        assertThat(validator.problems(r)).isEmpty();
        // 40 min rounds up to 3 slots, release 00:15 = slot 1, deadline 04:00 = slot 16, 10 min checkpoint = 1 slot.
        Job job = r.toJob(Horizon.quarterHours(T0, 96), Tiny.SITE);
        assertThat(job).isEqualTo(new Job("train-7", 4, 4.0, 3, 1, 16, 2, true, 1, Job.Phase.PENDING));
    }

    @Test
    void releaseInsideASlotMovesToTheNextSlotSoTheJobNeverStartsEarly() {
        JobRequest r = request(4, 1.0, Duration.ofMinutes(40), T0.plusSeconds(901), T0.plusSeconds(4 * 3600));
        assertThat(r.toJob(Horizon.quarterHours(T0, 96), Tiny.SITE).releaseSlot()).isEqualTo(2);
    }

    @Test
    void badRequestGetsOnePreciseMessagePerField() {
        JobRequest r = new JobRequest(" ", 0, -1.0, null, Duration.ZERO, T0.plusSeconds(3600), T0, 11, false,
                Duration.ofMinutes(5));
        assertThat(validator.problems(r)).containsExactly(
                "id: must not be blank",
                "gpus: must be 1..8, was 0",
                "powerKwPerGpu: must be 0..5.0 kW, was -1.0",
                "duration: must be at least PT15M, was PT0S",
                "deadline: must be after release 2026-06-01T01:00:00Z, was 2026-06-01T00:00:00Z",
                "priority: must be 1..10, was 11",
                "checkpoint: only preemptible jobs pause, was PT5M");
    }

    @Test
    void aProjectOfLettersDigitsDotsUnderscoresColonsAndDashesIsAcceptedAndAnyOtherIsRejectedNamingIt() {
        Instant release = T0.plusSeconds(900);
        Instant deadline = T0.plusSeconds(4 * 3600);
        java.util.function.Function<String, JobRequest> withProject = project -> new JobRequest("train-7", 4, 1.0, null,
                Duration.ofMinutes(40), release, deadline, 2, true, Duration.ofMinutes(10), project);

        assertThat(validator.problems(withProject.apply(null))).isEmpty();
        assertThat(validator.problems(withProject.apply("tenant-a:llm.train_2"))).isEmpty();
        assertThat(validator.problems(withProject.apply("p".repeat(64)))).isEmpty();
        assertThat(validator.problems(withProject.apply(""))).containsExactly(
                "project: must be 1..64 characters of A-Z a-z 0-9 . _ : -, was ''");
        assertThat(validator.problems(withProject.apply("team a"))).containsExactly(
                "project: must be 1..64 characters of A-Z a-z 0-9 . _ : -, was 'team a'");
        assertThat(validator.problems(withProject.apply("team\nb"))).containsExactly(
                "project: must be 1..64 characters of A-Z a-z 0-9 . _ : -, was 'team?b'");
        assertThat(validator.problems(withProject.apply("p".repeat(65)))).containsExactly(
                "project: must be 1..64 characters of A-Z a-z 0-9 . _ : -, was 65 characters");
    }

    @Test
    void windowShorterThanTheDurationIsRejected() {
        JobRequest r = request(2, null, Duration.ofHours(3), T0, T0.plusSeconds(3600));
        assertThat(validator.problems(r)).containsExactly("deadline: window PT1H is shorter than duration PT3H");
    }

    @Test
    void everyOutOfRangeValueFromTheIssueGetsAMessageNamingItsField() {
        Instant ok = T0.plusSeconds(3600);
        // Each row: a request with one bad field, and the start of the one message it must produce.
        record Case(JobRequest request, String message) { }
        List<Case> cases = List.of(
                new Case(new JobRequest("a", 1, null, null, Duration.ofMillis(500), T0, ok, 1, false, null),
                        "duration: must be at least PT15M, was PT0.5S"),
                new Case(new JobRequest("a", 1, null, null, Duration.ofSeconds(900).plusMillis(500), T0, ok, 1, false, null),
                        "duration: must be a whole number of seconds"),
                new Case(new JobRequest("a", 1, null, Double.POSITIVE_INFINITY, Duration.ofMinutes(15), T0, ok, 1, false, null),
                        "totalPowerKw: must be 0..5.0 kW"),
                new Case(new JobRequest("a", 1, null, 1e308, Duration.ofMinutes(15), T0, ok, 1, false, null),
                        "totalPowerKw: must be 0..5.0 kW"),
                new Case(new JobRequest("a", 1, Double.NaN, null, Duration.ofMinutes(15), T0, ok, 1, false, null),
                        "powerKwPerGpu: must be 0..5.0 kW, was NaN"),
                new Case(new JobRequest("a", 1, null, null, Duration.ofMinutes(15), T0, Instant.parse("+100000-01-01T00:00:00Z"),
                        1, false, null), "deadline: must be between 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z"),
                new Case(new JobRequest("a", 1, null, null, Duration.ofMinutes(15), T0, Instant.parse("-1000000000-01-01T00:00:00Z"),
                        1, false, null), "deadline: must be between"),
                new Case(new JobRequest("x".repeat(201), 1, null, null, Duration.ofMinutes(15), T0, ok, 1, false, null),
                        "id: must be at most 200 characters, was 201"),
                new Case(new JobRequest("a\u0007b", 1, null, null, Duration.ofMinutes(15), T0, ok, 1, false, null),
                        "id: must not contain control characters, was a?b"));
        for (Case c : cases) {
            assertThat(validator.problems(c.request())).as(c.message()).hasSize(1);
            assertThat(validator.problems(c.request()).get(0)).startsWith(c.message());
        }
        assertThat(JobRequestValidator.wholeGpus(1.5)).contains("gpus: must be a whole number, was 1.5");
        assertThat(JobRequestValidator.wholeGpus(2.0)).isEmpty();
    }
}
