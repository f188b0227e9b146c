package io.kelvin.energyoptimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.energyoptimizer.model.Schedules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for a job's progress, which the app's JobProgress and the scenario replay's meter both count by. */
class WorkDoneTest {

    @Test
    void aPausableJobPaysItsCheckpointOnEveryResumeButNotOnItsFirstStart() {
        // Runs of 4, 3 and 2 slots: 9 slots run, two resumes at a 1-slot checkpoint: 7 slots of work.
        assertThat(Schedules.workDone(true, 1, List.of(10, 11, 12, 13, 20, 21, 22, 30, 31))).isEqualTo(7);
        // A resume shorter than its checkpoint does no work, and never takes work back.
        assertThat(Schedules.workDone(true, 2, List.of(10, 20))).isZero();
        assertThat(Schedules.workDone(true, 1, List.of())).isZero();
    }

    @Test
    void aJobThatMayNotPauseKeepsOnlyItsLastUnbrokenRun() {
        assertThat(Schedules.workDone(false, 0, List.of(10, 11, 12, 13))).isEqualTo(4);
        // Broken off after 4 slots, started again: only the 2 slots since count.
        assertThat(Schedules.workDone(false, 0, List.of(10, 11, 12, 13, 20, 21))).isEqualTo(2);
    }
}
