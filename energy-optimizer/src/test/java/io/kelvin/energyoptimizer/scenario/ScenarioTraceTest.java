package io.kelvin.energyoptimizer.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.kelvin.energyoptimizer.model.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job traces in the shapes public traces come in: numbers on the trace's own clock (the GAIA traces), local time
 * stamps with submit, start and end columns (as the Helios traces), epoch seconds with durations in microseconds (as
 * Google's cluster traces), no header line (Alibaba's PAI job table), the Standard Workload Format (the Parallel
 * Workloads Archive), Slurm's accounting (sacct --parsable2) and Microsoft's Philly trace (a JSON list of jobs).
 */
class ScenarioTraceTest {

    @TempDir
    Path dir;

    /** A one-day scenario from 2020-07-01T00:00Z (08:00 in Shanghai) on 64 GPUs over {@code trace}. */
    private Path scenario(String trace, String jobs) throws IOException {
        return scenario(trace, "gpus", jobs);
    }

    /** As {@link #scenario(String, String)}, one GPU per unit of the {@code resources} column. */
    private Path scenario(String trace, String resources, String jobs) throws IOException {
        Files.writeString(dir.resolve("trace.csv"), trace);
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                start: 2020-07-01T00:00:00Z
                zone: Asia/Shanghai
                days: 1
                site: { gpus: 64, idleKwPerGpu: 0.25, activeKwPerGpu: 0.95, importLimitKw: 1000, exportAllowed: true }
                jobs:
                  file: trace.csv
                  resources: { column: %s }
                  gpusPerUnit: 1
                %s
                series:
                  carbon: { value: 400 }
                  price: { value: 0.1 }
                  ambient: { meanC: 20, swingC: 5, warmestHour: 15 }
                """.formatted(resources, jobs.indent(2).stripTrailing()));
        return file;
    }

    /** The problems loading {@code file} (with {@code overrides}) is refused with; it must be refused. */
    private static List<String> problems(Path file, Map<String, String> overrides) {
        try {
            ScenarioFile.load(file, overrides);
        } catch (ScenarioException e) {
            return e.problems();
        }
        throw new AssertionError(file + " was loaded, not refused");
    }

    private static final String HELIOS_LIKE = """
            job_id,gpus,submit_time,start_time,end_time
            a,8,2020-07-01 08:00:00,2020-07-01 08:30:00,2020-07-01 10:30:00
            b,16,2020-07-01 09:07:00,2020-07-01 09:10:00,2020-07-01 09:40:00
            c,4,2020-07-01 07:59:59,2020-07-01 08:00:00,2020-07-01 09:00:00
            d,4,2020-07-02 08:00:00,2020-07-02 08:00:00,2020-07-02 09:00:00
            """;

    @Test
    void localTimeStampsAreReadInTheScenariosZoneAndALengthIsEndLessStart() throws IOException {
        Scenario s = ScenarioFile.load(scenario(HELIOS_LIKE, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss" }
                start: { column: start_time }
                end: { column: end_time }
                """), Map.of());

        // From 08:00 Shanghai (00:00Z) for a day: c (07:59:59) and d (08:00 the next day) lie outside.
        List<Job> jobs = s.jobs();
        assertThat(jobs).hasSize(2);
        // a: submitted at 00:00Z, ran 2 h (queueing excluded): slot 0, 8 slots.
        assertThat(jobs.get(0).gpus()).isEqualTo(8);
        assertThat(jobs.get(0).releaseSlot()).isZero();
        assertThat(jobs.get(0).durationSlots()).isEqualTo(8);
        // b: submitted at 01:07Z (slot 4, releases round down), ran 30 min: 2 slots.
        assertThat(jobs.get(1).gpus()).isEqualTo(16);
        assertThat(jobs.get(1).releaseSlot()).isEqualTo(4);
        assertThat(jobs.get(1).durationSlots()).isEqualTo(2);
    }

    @Test
    void aTraceSavedWithAByteOrderMarkFindsItsFirstColumnByName() throws IOException {
        Scenario s = ScenarioFile.load(scenario("\uFEFF" + HELIOS_LIKE, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss" }
                end: { column: end_time }
                only: { column: job_id, values: [b] }
                """), Map.of());

        assertThat(s.jobs()).extracting(Job::gpus).containsExactly(16);
    }

    @Test
    void withoutAStartColumnALengthIsEndLessArrivalAndAnotherZoneAndWindowStartMayBeGiven() throws IOException {
        Scenario s = ScenarioFile.load(scenario(HELIOS_LIKE, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss", zone: UTC }
                end: { column: end_time }
                from: 2020-07-01T08:00:00Z
                """), Map.of());

        // Read as UTC, from 08:00Z: a (08:00Z, slot 0) and b (09:07Z, slot 4); c is a second early.
        assertThat(s.jobs()).extracting(Job::releaseSlot).containsExactly(0, 4);
        // a waited 30 min and ran 2 h: 2.5 h from its arrival, 10 slots.
        assertThat(s.jobs().get(0).durationSlots()).isEqualTo(10);
    }

    @Test
    void epochSecondsWithDurationsInMicrosecondsAndDeadlinesReadLikeTheArrivalAreRead() throws IOException {
        Scenario s = ScenarioFile.load(scenario("""
                time,dur_us,gpus,due
                1593561600,5400000000,2,1593576000
                1593562500.5,60000000,1,1593565200
                1593475200,60000000,1,1593565200
                """, """
                arrival: { column: time, format: epoch-seconds }
                duration: { column: dur_us, unit: us }
                deadline: { column: due }
                """), Map.of());

        // 2020-07-01T00:00Z for 1.5 h, and 00:15:00.5Z for a minute (a whole slot); the third is a day early.
        assertThat(s.jobs()).extracting(Job::releaseSlot).containsExactly(0, 1);
        assertThat(s.jobs()).extracting(Job::durationSlots).containsExactly(6, 1);
        // Due at 04:00Z and 01:00Z: slots 16 and 4.
        assertThat(s.jobs()).extracting(Job::deadlineSlot).containsExactly(16, 4);
    }

    @Test
    void aBadTimeStampAndAnEndBeforeItsStartAreNamedWithTheirLines() throws IOException {
        Path file = scenario("""
                job_id,gpus,submit_time,start_time,end_time
                a,8,2020-07-01 08:00:00,2020-07-01 08:30:00,2020-07-01 10:30:00
                b,16,2020-07-01T09:07,2020-07-01 09:10:00,2020-07-01 09:40:00
                c,4,2020-07-01 09:00:00,2020-07-01 10:00:00,2020-07-01 09:00:00
                """, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss" }
                start: { column: start_time }
                end: { column: end_time }
                """);

        assertThat(problems(file, Map.of())).containsExactly(
                        file + ": jobs.file: trace.csv: line 3: submit_time: not a time stamp (yyyy-MM-dd HH:mm:ss):"
                                + " 2020-07-01T09:07",
                        file + ": jobs.file: trace.csv: line 4: end must not be before start");
    }

    @Test
    void rowsThatEndAsTheyStartOrAskForNoGpuAreLeftOutAndCountedNotRefused() throws IOException {
        // As the Helios traces: CPU jobs with gpu_num 0, jobs cancelled the second they started.
        Scenario s = ScenarioFile.load(scenario("""
                job_id,gpus,submit_time,start_time,end_time
                a,8,2020-07-01 08:00:00,2020-07-01 08:30:00,2020-07-01 10:30:00
                cpu1,0,2020-07-01 08:10:00,2020-07-01 08:10:00,2020-07-01 09:10:00
                cpu2,0,2020-07-01 08:20:00,2020-07-01 08:20:00,2020-07-01 09:20:00
                z,4,2020-07-01 09:00:00,2020-07-01 09:05:00,2020-07-01 09:05:00
                """, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss" }
                start: { column: start_time }
                end: { column: end_time }
                """), Map.of());

        assertThat(s.jobs()).extracting(Job::gpus).containsExactly(8);
        assertThat(s.notes()).containsExactly(
                "trace.csv: 1 rows left out: no length (end equal to start)",
                "trace.csv: 2 rows left out: 0 in gpus (no GPU asked for)");
    }

    @Test
    void thePhillyTracesJobListIsReadWithTheTimeItsAttemptsRanAndTheGpusTheyHeld() throws IOException {
        // Microsoft's cluster_job_log: local times; a job may have no attempt, or one without an end.
        Scenario s = ScenarioFile.load(scenario("""
                [
                  {"status": "Pass", "vc": "ee9e8c", "jobid": "application_1", "user": "u1",
                   "submitted_time": "2020-07-01 08:00:00",
                   "attempts": [
                     {"start_time": "2020-07-01 08:10:00", "end_time": "2020-07-01 08:40:00",
                      "detail": [{"ip": "m1", "gpus": ["gpu0", "gpu1", "gpu2", "gpu3"]}, {"ip": "m2", "gpus": ["gpu0", "gpu1", "gpu2", "gpu3"]}]},
                     {"start_time": "2020-07-01 09:00:00", "end_time": "2020-07-01 10:00:00",
                      "detail": [{"ip": "m3", "gpus": ["gpu0", "gpu1", "gpu2", "gpu3", "gpu4", "gpu5", "gpu6", "gpu7"]}]}
                   ]},
                  {"status": "Killed", "vc": "ee9e8c", "jobid": "application_2", "user": "u2",
                   "submitted_time": "2020-07-01 09:00:00",
                   "attempts": [{"start_time": "2020-07-01 09:00:00", "end_time": "2020-07-01 09:15:00",
                                 "detail": [{"ip": "m4", "gpus": ["gpu0"]}]}]},
                  {"status": "Failed", "vc": "ee9e8c", "jobid": "application_3", "user": "u3",
                   "submitted_time": "2020-07-01 09:30:00", "attempts": []},
                  {"status": "Pass", "vc": "ee9e8c", "jobid": "application_4", "user": "u4",
                   "submitted_time": "2020-07-01 10:00:00",
                   "attempts": [{"start_time": "2020-07-01 10:00:00", "end_time": "None", "detail": []}]}
                ]
                """, """
                format: philly
                arrival: { column: submitted_time, format: "yyyy-MM-dd HH:mm:ss" }
                duration: { column: run_seconds, unit: s }
                only: { column: status, values: [Pass, Killed] }
                """), Map.of());

        // application_1 ran 30 + 60 minutes (the wait between its attempts left out) on at most 8 GPUs.
        assertThat(s.jobs()).extracting(Job::gpus, Job::durationSlots, Job::releaseSlot)
                .containsExactly(tuple(8, 6, 0), tuple(1, 1, 4));
        assertThat(s.notes()).containsExactly(
                "trace.csv: 2 jobs of the trace left out: no attempt with both a start and an end time");
        // A file that is not the job list is refused naming it.
        Files.writeString(dir.resolve("trace.csv"), "{\"jobs\": []}");
        assertThat(problems(dir.resolve("s.yaml"), Map.of())).singleElement().asString()
                .contains("jobs.file: cannot be read: not a JSON list of jobs");
    }

    @Test
    void onlyTheRowsWhoseStateIsListedAreTakenAndTheOthersEmptyCellsAreNotRead() throws IOException {
        Scenario s = ScenarioFile.load(scenario("""
                job_id,gpus,submit_time,start_time,end_time,state
                a,8,2020-07-01 08:00:00,2020-07-01 08:30:00,2020-07-01 10:30:00,COMPLETED
                b,16,2020-07-01 09:07:00,,,CANCELLED
                c,4,2020-07-01 09:30:00,2020-07-01 09:30:00,2020-07-01 09:45:00,FAILED
                """, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss" }
                start: { column: start_time }
                end: { column: end_time }
                only: { column: state, values: [COMPLETED, FAILED] }
                """), Map.of());

        assertThat(s.jobs()).extracting(Job::gpus).containsExactly(8, 4);
        assertThat(s.jobs()).extracting(Job::releaseSlot).containsExactly(0, 6);
    }

    @Test
    void mixedClocksAndTwoLengthsAreRefusedWithTheirPaths() throws IOException {
        Path file = scenario(HELIOS_LIKE, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss", unit: s }
                duration: { column: end_time, format: iso }
                end: { column: end_time }
                fromHours: 10
                only: { column: state }
                """);

        assertThat(problems(file, Map.of())).contains(
                        file + ": jobs.arrival.format: give unit (numbers on the trace's clock) or format (time"
                                + " stamps), not both",
                        file + ": jobs.fromHours: goes with numeric arrivals; with time stamps give from (an ISO"
                                + " instant)",
                        file + ": jobs.duration: give exactly one of duration (a length column) and end (an end"
                                + " column, less start or the arrival)",
                        file + ": jobs.only.values: required: a list of the column's values whose rows are taken");
    }

    @Test
    void aTraceWithoutAHeaderLineIsReadByTheColumnNamesTheScenarioGivesWithItsDelimiterAndComments() throws IOException {
        // As Alibaba's PAI 2020 job table: no header line, times in seconds on the trace's clock.
        Scenario s = ScenarioFile.load(scenario("""
                # exported 2020-07-01
                j1\tu1\t8\t3600\t10800
                j2\tu2\t2\t7200\t8100

                j3\tu1\t4\t100000\t101000
                """, "gpus", """
                header: [name, user, gpus, start_time, end_time]
                delimiter: tab
                comment: "#"
                arrival: { column: start_time, unit: s }
                end: { column: end_time }
                """), Map.of());

        // j3 arrives after the day; j1 at 1 h for 2 h (slot 4, 8 slots), j2 at 2 h for 15 min.
        assertThat(s.jobs()).extracting(Job::gpus).containsExactly(8, 2);
        assertThat(s.jobs()).extracting(Job::releaseSlot).containsExactly(4, 8);
        assertThat(s.jobs()).extracting(Job::durationSlots).containsExactly(8, 1);
    }

    @Test
    void aTraceInTheStandardWorkloadFormatIsReadAndRowsWithAValueNotKnownWhereAJobNeedsOneAreLeftOut()
            throws IOException {
        // The Parallel Workloads Archive's format: 18 whitespace-separated fields, ';' header comments, -1 not known.
        Scenario s = ScenarioFile.load(scenario("""
                ; Version: 2.2
                ; UnixStartTime: 1593561600
                    1      0   10   3600   16  -1 -1   16  7200 -1 1  3  1 -1  1 -1 -1 -1
                    2    900    5     -1    8  -1 -1    8  3600 -1 5  4  1 -1  1 -1 -1 -1
                    3   1800    0    600   -1  -1 -1    4  3600 -1 1  4  1 -1  1 -1 -1 -1
                	4	2700	0	1200	4	-1	-1	4	3600	-1	0	5	1	-1	1	-1	-1	-1
                """, "allocatedProcessors", """
                format: swf
                arrival: { column: submit }
                duration: { column: run }
                only: { column: status, values: [1, 0] }
                """), Map.of());

        // Job 2 was cancelled (status 5); job 3's processors are not known, which the scenario says. Jobs 1 and 4 remain.
        assertThat(s.notes()).containsExactly("trace.csv: 1 rows left out: '-1' (not known) in one of [submit, run,"
                + " allocatedProcessors]");
        assertThat(s.jobs()).extracting(Job::gpus).containsExactly(16, 4);
        assertThat(s.jobs()).extracting(Job::releaseSlot).containsExactly(0, 3);
        assertThat(s.jobs()).extracting(Job::durationSlots).containsExactly(4, 2);
    }

    @Test
    void cellsThatAreNotANumberAPriorityOrAYesOrNoAreNamedWithTheirLinesAndColumns() throws IOException {
        Path file = scenario("""
                id,gpus,submit,length,prio,pausable
                a,8,0,3600,2,yes
                b,Infinity,60,3600,2,no
                c,4,120,3600,0,1
                d,4,180,3600,3,maybe
                e,4,240,3600,3,N
                """, """
                arrival: { column: submit }
                duration: { column: length }
                deadline: { column: submit }
                priority: { column: prio }
                preemptible: { column: pausable }
                """);

        assertThat(problems(file, Map.of())).containsExactly(
                        file + ": jobs.file: trace.csv: line 3: gpus: not a number: Infinity",
                        file + ": jobs.file: trace.csv: line 4: prio: not a priority (1..10): 0",
                        file + ": jobs.file: trace.csv: line 5: pausable: not true or false (or yes/no, 1/0): maybe",
                        file + ": jobs.deadline: trace.csv: line 2: deadline before release + duration",
                        file + ": jobs.deadline: trace.csv: line 6: deadline before release + duration");
    }

    @Test
    void aMappedColumnTheTraceLacksAndAKeyNothingReadsAreNamed() throws IOException {
        Path file = scenario(HELIOS_LIKE, """
                arrival: { column: submit_time, format: "yyyy-MM-dd HH:mm:ss" }
                end: { column: end_time }
                priority: { column: prio }
                dedline: { column: end_time }
                x-note: an extension key, left alone
                """);

        assertThat(problems(file, Map.of("solver.jobSolvs", "10"))).containsExactly(
                        file + ": jobs.file: trace.csv: no column 'prio' (has [job_id, gpus, submit_time, start_time,"
                                + " end_time])",
                        file + ": jobs.dedline: not a key read here (misspelt, or not used with the keys beside it;"
                                + " the keys are in scenarios/README.md)",
                        file + ": solver.jobSolvs: not a key read here (misspelt, or not used with the keys beside it;"
                                + " the keys are in scenarios/README.md)");
    }

    private static final String SACCT = """
            JobID|Submit|Start|End|Elapsed|AllocTRES|State
            101|2020-07-01T08:00:00|2020-07-01T08:10:00|2020-07-01T10:10:00|02:00:00|billing=8,cpu=8,gres/gpu=4,mem=64G,node=1|COMPLETED
            102|2020-07-01T09:00:00|2020-07-01T09:00:00|2020-07-01T09:30:00|00:30:00|billing=2,cpu=2,mem=8G,node=1|COMPLETED
            103|2020-07-01T10:00:00|2020-07-01T10:05:00|2020-07-02T11:05:00|1-01:00:00|billing=64,cpu=64,gres/gpu=8,mem=512G,node=1|COMPLETED
            104|2020-07-01T11:00:00|2020-07-01T11:00:00|2020-07-01T11:05:00|05:00|billing=2,cpu=2,gres/gpu=2,node=1|COMPLETED
            """;

    @Test
    void slurmAccountingIsReadWithClockLengthsAndTheGpuCountFoundInItsResourceString() throws IOException {
        // sacct --parsable2: '|' between fields, local time stamps, Elapsed as [D-]HH:MM:SS, GPUs inside AllocTRES.
        Scenario s = ScenarioFile.load(scenario(SACCT, "AllocTRES", """
                delimiter: "|"
                arrival: { column: Submit, format: "yyyy-MM-dd'T'HH:mm:ss" }
                duration: { column: Elapsed, unit: hms }
                resources: { column: AllocTRES, pattern: 'gres/gpu=(\\d+)' }
                """), Map.of());

        // 102 asked for no GPU and is left out, as the scenario says. 103 ran a day and an hour: 100 slots; 104 five
        // minutes: one slot.
        assertThat(s.notes()).containsExactly("trace.csv: 1 rows left out: the resources pattern 'gres/gpu=(\\d+)'"
                + " found nothing in AllocTRES");
        assertThat(s.jobs()).extracting(Job::gpus).containsExactly(4, 8, 2);
        assertThat(s.jobs()).extracting(Job::releaseSlot).containsExactly(0, 8, 12);
        assertThat(s.jobs()).extracting(Job::durationSlots).containsExactly(8, 100, 1);
    }

    @Test
    void aClockLengthThatIsNotOneAndAPatternThatIsNotARegularExpressionAreNamed() throws IOException {
        Path file = scenario(SACCT.replace("|00:30:00|", "|30 min|").replace("gres/gpu=4", "gres/gpu=x"), "AllocTRES", """
                delimiter: "|"
                arrival: { column: Submit, format: "yyyy-MM-dd'T'HH:mm:ss" }
                duration: { column: Elapsed, unit: hms }
                resources: { column: AllocTRES, pattern: "gres/gpu=([0-9x]+)" }
                """);

        assertThat(problems(file, Map.of())).containsExactly(
                        file + ": jobs.file: trace.csv: line 2: AllocTRES: 'x' found by the pattern is not a number",
                        file + ": jobs.file: trace.csv: line 3: Elapsed: not a length such as 1-02:03:04, 02:03:04 or"
                                + " 03:04: 30 min");

        Path bad = scenario(SACCT, "AllocTRES", """
                delimiter: "|"
                arrival: { column: Submit, format: "yyyy-MM-dd'T'HH:mm:ss" }
                duration: { column: Elapsed, unit: hms }
                resources: { column: AllocTRES, pattern: 'gres/gpu=(\\d+' }
                """);
        assertThat(problems(bad, Map.of())).anyMatch(p -> p.startsWith(
                        bad + ": jobs.resources.pattern: not a regular expression: Unclosed group"));
    }
}
