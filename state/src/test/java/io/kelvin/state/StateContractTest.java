package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.alarm.AckState;
import io.kelvin.core.alarm.Alarm;
import io.kelvin.core.alarm.AlarmKey;
import io.kelvin.core.alarm.AlarmPhase;
import io.kelvin.core.alarm.AlarmStore;
import io.kelvin.core.alarm.AlarmTransition;
import io.kelvin.core.alarm.ConditionHandle;
import io.kelvin.core.alarm.ConfirmState;
import io.kelvin.core.alarm.EventId;
import io.kelvin.core.alarm.HistoryQuery;
import io.kelvin.core.alarm.OperatorMarks;
import io.kelvin.core.alarm.Shelving;
import io.kelvin.core.alarm.Transition;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditQuery;
import io.kelvin.core.identity.AuditRecord;
import io.kelvin.core.identity.LoginFailures;
import io.kelvin.core.identity.OAuthClient;
import io.kelvin.core.identity.Outcome;
import io.kelvin.core.identity.Role;
import io.kelvin.core.identity.UserAccount;
import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.Placement;
import io.kelvin.core.plan.PlanBound;
import io.kelvin.core.plan.PlanCosts;
import io.kelvin.core.plan.PlanInput;
import io.kelvin.core.plan.PlannedJob;
import io.kelvin.core.plan.PlannedSlot;
import io.kelvin.core.plan.StoredJob;
import io.kelvin.core.plan.SolverStatus;
import io.kelvin.core.plan.StoredPlan;
import io.kelvin.testkit.alarm.AlarmStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every state adapter must do, run against each database Kelvin supports (one subclass each).
 * Each test uses its own names so the tests of one class can share a database.
 */
abstract class StateContractTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00.123Z");

    /** A migrated database shared by the class's tests. */
    abstract DataSource dataSource();

    @Test
    void userRoundTripsAndATakenNameIsRefused() {
        JdbcUserStore users = new JdbcUserStore(dataSource());
        UserAccount alice = new UserAccount("alice", "$2b$04$hash", Set.of(Role.OPERATOR, Role.VIEWER), true, true, T0, T0);
        assertThat(users.insert(alice)).isTrue();
        assertThat(users.insert(alice)).isFalse();

        assertThat(users.find("alice")).contains(alice);
        UserAccount changed = alice.withPassword("$2b$04$other", false, T0.plusSeconds(60)).withEnabled(false);
        assertThat(users.update(changed)).isTrue();
        assertThat(users.find("alice")).contains(changed);
        assertThat(users.update(new UserAccount("ghost", "h", Set.of(Role.VIEWER), true, false, T0, T0))).isFalse();
        assertThat(users.all()).extracting(UserAccount::username).contains("alice").doesNotContain("ghost");
    }

    @Test
    void clientRoundTripsWithItsScopes() {
        JdbcClientStore clients = new JdbcClientStore(dataSource());
        OAuthClient vtn = new OAuthClient("vtn-1", "$2b$04$hash", Role.GRID_OPERATOR, Set.of("write_events", "read_all"),
                true, T0, T0);
        assertThat(clients.insert(vtn)).isTrue();
        assertThat(clients.insert(vtn)).isFalse();
        assertThat(clients.find("vtn-1")).contains(vtn);
        assertThat(clients.update(vtn.withEnabled(false))).isTrue();
        assertThat(clients.find("vtn-1").orElseThrow().enabled()).isFalse();
        assertThat(clients.find("VTN-1")).isEmpty();
    }

    @Test
    void loginFailuresAreSavedReplacedAndCleared() {
        JdbcLoginFailureStore failures = new JdbcLoginFailureStore(dataSource());
        failures.save(new LoginFailures("bob", 1, T0, T0, Optional.empty()));
        failures.save(new LoginFailures("bob", 5, T0, T0.plusSeconds(30), Optional.of(T0.plusSeconds(930))));
        assertThat(failures.find("bob")).contains(new LoginFailures("bob", 5, T0, T0.plusSeconds(30),
                Optional.of(T0.plusSeconds(930))));
        failures.clear("bob");
        assertThat(failures.find("bob")).isEmpty();
    }

    @Test
    void auditRecordsAppendOncePerSeqAndComeBackInChainAndSearchOrder() {
        JdbcAuditStore audit = new JdbcAuditStore(dataSource());
        long base = audit.last().map(AuditRecord::seq).orElse(0L);
        AuditRecord first = record(base + 1, T0, "carol", AuditKind.LOGIN);
        AuditRecord second = record(base + 2, T0.plusSeconds(10), "dan", AuditKind.SETPOINT_WRITTEN);
        assertThat(audit.append(first)).isTrue();
        assertThat(audit.append(second)).isTrue();
        assertThat(audit.append(record(base + 2, T0.plusSeconds(20), "eve", AuditKind.LOGIN))).isFalse();

        assertThat(audit.last()).contains(second);
        assertThat(audit.chain(base, 10)).containsExactly(first, second);
        AuditQuery byDan = new AuditQuery(Optional.empty(), Optional.empty(), Optional.of("dan"), Optional.empty(), 0, 10);
        assertThat(audit.search(byDan)).containsExactly(second);
        AuditQuery logins = new AuditQuery(Optional.of(T0), Optional.of(T0.plusSeconds(5)), Optional.empty(),
                Optional.of(AuditKind.LOGIN), 0, 10);
        assertThat(audit.search(logins)).containsExactly(first);
        assertThat(audit.count(logins)).isEqualTo(1);
        List<AuditRecord> page = audit.search(AuditQuery.newest(1));
        assertThat(page).containsExactly(second);
    }

    /** The alarm store holds to the port's contract (testkit) on this database. */
    @Nested
    class AlarmStoreOnThisDatabase extends AlarmStoreContract {
        @Override
        protected AlarmStore newStore() {
            return emptyAlarmStore();
        }
    }

    @Test
    void anAlarmSaveThatFailsInItsHistoryLinesLeavesTheAlarmAsItWas() {
        JdbcAlarmStore alarms = emptyAlarmStore();
        AlarmKey key = AlarmKey.of("cdu-09", "nsu=urn:t;s=Leak");
        OperatorMarks marks = new OperatorMarks(AckState.UNACKNOWLEDGED, Optional.empty(), ConfirmState.NOT_OFFERED,
                Optional.empty(), Shelving.NOT_OFFERED, Optional.empty(), Optional.empty());
        Alarm raised = new Alarm(new ConditionHandle(key, new EventId("01"), Optional.empty()), "i=2915", "cdu-09",
                "Leak", 900, "leak", Optional.empty(), true, true, marks, true, T0, T0, T0);
        alarms.save(raised, List.of());
        Alarm louder = new Alarm(raised.handle(), "i=2915", "cdu-09", "Leak", 1000, "leak, louder", Optional.empty(), true,
                true, marks, true, T0, T0.plusSeconds(1), T0.plusSeconds(1));
        // a history line longer than its column: the database refuses the line, so the new state must not stay
        AlarmTransition tooLong = new AlarmTransition(key, Transition.UPDATED, AlarmPhase.UNACKNOWLEDGED, 1000,
                "x".repeat(5000), T0, T0, Optional.empty());

        assertThatThrownBy(() -> alarms.save(louder, List.of(tooLong))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("saving alarm cdu-09/nsu=urn:t;s=Leak failed");
        assertThat(alarms.find(key)).contains(raised);
        assertThat(alarms.history(HistoryQuery.of(key, 10)).total()).isZero();
    }

    /** The alarm tables emptied, so each contract test starts from nothing on the shared database. */
    private JdbcAlarmStore emptyAlarmStore() {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM alarm_transitions");
            st.executeUpdate("DELETE FROM alarms");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JdbcAlarmStore(dataSource());
    }

    @Test
    void jobRoundTripsWithItsProjectATakenIdIsRefusedAndACancelledJobIsNoLongerACandidate() {
        JdbcJobStore jobs = new JdbcJobStore(dataSource());
        StoredJob full = new StoredJob(new JobSpec("job-full", 8, 0.7, null, Duration.ofMinutes(90), T0,
                T0.plus(Duration.ofHours(6)), 3, true, Duration.ofMinutes(10), "tenant-a:llm.train_2"), T0);
        StoredJob bare = new StoredJob(new JobSpec("job-bare", 2, null, 5.5, Duration.ofHours(1), T0,
                T0.plus(Duration.ofHours(2)), null, false, null), T0.plusSeconds(1));
        assertThat(jobs.insert(full)).isTrue();
        assertThat(jobs.insert(bare)).isTrue();
        assertThat(jobs.insert(full)).isFalse();

        assertThat(jobs.find("job-full")).contains(full);
        assertThat(jobs.find("job-bare")).contains(bare);
        assertThat(jobs.find("job-full").orElseThrow().spec().project()).isEqualTo("tenant-a:llm.train_2");
        assertThat(jobs.find("job-bare").orElseThrow().spec().project()).isNull();
        assertThat(jobs.all()).containsSubsequence(full, bare);
        assertThat(jobs.submittedSince(T0.plusSeconds(1))).contains(bare).doesNotContain(full);
        assertThat(jobs.candidates(T0.plus(Duration.ofHours(3)), T0)).contains(full).doesNotContain(bare);

        assertThat(jobs.cancel("job-full", T0.plusSeconds(60))).isTrue();
        assertThat(jobs.cancel("job-full", T0.plusSeconds(90))).isFalse();
        assertThat(jobs.cancel("job-ghost", T0)).isFalse();
        assertThat(jobs.find("job-full").orElseThrow().cancelledAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(jobs.candidates(T0, T0)).doesNotContain(jobs.find("job-full").orElseThrow());
    }

    @Test
    void planRoundTripsWithItsSlotsPvAndWindBandsJobsInputsAndBoundAndDispatchesItsFirstSlot() {
        JdbcJobStore jobs = new JdbcJobStore(dataSource());
        JdbcPlanStore plans = new JdbcPlanStore(dataSource());
        JdbcJobRunStore runs = new JdbcJobRunStore(dataSource());
        Instant start = Instant.parse("2026-07-01T00:00:00Z");
        for (String id : List.of("plan-a", "plan-b")) {
            jobs.insert(new StoredJob(new JobSpec(id, 4, null, null, Duration.ofMinutes(30), start,
                    start.plus(Duration.ofHours(4)), null, false, null), start));
        }
        PlannedJob a = new PlannedJob("plan-a", start, start.plus(Duration.ofMinutes(30)), List.of(0, 1), "ON_TIME", 0,
                "runs at once: ü", 1.5, 0.25, 0.125, "RELEASE");
        PlannedJob b = new PlannedJob("plan-b", null, null, List.of(), "MISSED", 0, "no room", 0, 0, 0, "NO_ROOM");
        List<PlannedSlot> slots = List.of(
                new PlannedSlot(0, start, 4, 100.5, 120.25, 3.0, 0.0, 117.25, 0.0, 0.15, 412.0, 1.5, 4.25, 0.0, 0.0),
                new PlannedSlot(1, start.plus(Duration.ofMinutes(15)), 4, 100.5, 120.25, 0.0, 7.5, 112.75, 0.0, 0.2, 1e-3,
                        null, null, 2.5, 12.125));
        StoredPlan plan = new StoredPlan(0, start.plusSeconds(5), "job submitted: plan-a", "optimizer", SolverStatus.OPTIMAL, true,
                "solver gave nothing", false, 42, start, 15, new PlanCosts(10, 7.5, 8, 0.5, 1, 0, 0, 0, 0.5, 0, 57.5, 23.1,
                1.2), List.of("note one", "note two"), slots, List.of(b, a), "ab".repeat(32), 17, true, List.of(
                new PlanInput("CARBON_LOCATION_BASED", "grid-carbon (csv file)", start.minusSeconds(600),
                        PlanInput.Freshness.FRESH, "", 0, 2, false),
                new PlanInput("IMPORT_PRICE", "setting kelvin.planning.tariff-eur-per-kwh", null,
                        PlanInput.Freshness.NOT_CONFIGURED, "no price feed", 2, 2, true)), new PlanBound(1234.5, 0.012));

        StoredPlan saved = plans.save(plan, "{\"format\":\"kelvin-problem\"}");

        assertThat(saved.id()).isPositive();
        StoredPlan expected = plan.withId(saved.id()).withSlotsAndJobs(slots, List.of(a, b));
        assertThat(plans.find(saved.id())).contains(expected);
        assertThat(plans.latest()).contains(expected);
        assertThat(plans.history(1)).containsExactly(expected.withoutSlots());
        assertThat(plans.latestId()).hasValue(saved.id());
        assertThat(plans.inputs(saved.id())).contains("{\"format\":\"kelvin-problem\"}");
        assertThat(plans.latestFor("plan-b")).contains(new Placement(saved.id(), b));
        assertThat(plans.latestFor("nobody")).isEmpty();
        assertThat(plans.find(saved.id() + 1000)).isEmpty();
        assertThat(runs.runsOf(List.of("plan-a", "plan-b"))).containsExactly(Map.entry("plan-a", List.of(start)));

        // The slots after the first are recorded when the cluster followed this plan; a later record replaces a slot's jobs.
        Instant second = start.plus(Duration.ofMinutes(15));
        runs.dispatch(saved.id(), Map.of(second, List.of("plan-a", "plan-b")));
        runs.dispatch(saved.id(), Map.of(second, List.of("plan-a")));
        assertThat(runs.runsOf(List.of("plan-a", "plan-b"))).containsExactly(Map.entry("plan-a", List.of(start, second)));
        runs.dispatch(saved.id(), Map.of(second, List.of("plan-b", "plan-a")));
        assertThat(runs.runsBetween(start, second.plus(Duration.ofMinutes(15))))
                .containsExactly(Map.entry(start, List.of("plan-a")), Map.entry(second, List.of("plan-a", "plan-b")));
        assertThat(runs.runsBetween(second, second.plus(Duration.ofMinutes(15)))).containsOnlyKeys(second);
        assertThat(runs.runsBetween(start, second)).containsOnlyKeys(start);
        assertThat(runs.runsBetween(second, start)).isEmpty();
    }

    @Test
    void slotsStoredBeforeTheBandsWereKeptReadBackWithoutBands() throws Exception {
        JdbcPlanStore plans = new JdbcPlanStore(dataSource());
        Instant start = Instant.parse("2026-07-03T00:00:00Z");
        StoredPlan plan = new StoredPlan(0, start, "old slots", "greedy-window", SolverStatus.HEURISTIC, false, null,
                false, 1, start, 15, new PlanCosts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(
                new PlannedSlot(0, start, 0, 1, 1, 2, 3, 1, 0, 0.1, 100, 1.0, 3.0, 2.0, 4.0)),
                List.of(), null, 0, false, List.of(), null);
        long id = plans.save(plan, "{}").id();
        // Slots as a plan stored before the wind band (and before the PV band) kept them.
        try (var c = dataSource().getConnection();
             var st = c.prepareStatement("UPDATE plans SET slots_json = ? WHERE id = ?")) {
            st.setString(1, "[{\"slot\":0,\"start\":\"" + start + "\",\"busyGpus\":0,\"itKw\":1.0,\"facilityKw\":1.0,"
                    + "\"pvKw\":2.0,\"windKw\":3.0,\"gridImportKw\":1.0,\"gridExportKw\":0.0,\"priceEurPerKwh\":0.1,"
                    + "\"carbonGPerKwh\":100.0}]");
            st.setLong(2, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        assertThat(plans.find(id).orElseThrow().slots()).containsExactly(
                new PlannedSlot(0, start, 0, 1, 1, 2, 3, 1, 0, 0.1, 100, null, null, null, null));
    }

    @Test
    void aSolverStatusTheCodeDoesNotKnowIsReadAsAnErrorNamingPlanColumnAndValue() throws Exception {
        JdbcPlanStore plans = new JdbcPlanStore(dataSource());
        Instant start = Instant.parse("2026-07-02T00:00:00Z");
        StoredPlan plan = new StoredPlan(0, start, "status test", "greedy-window", SolverStatus.HEURISTIC, false, null,
                false, 1, start, 15, new PlanCosts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(),
                List.of(), null, 0, false, List.of(), null);
        long id = plans.save(plan, "{}").id();
        assertThat(plans.find(id)).get().extracting(StoredPlan::solverStatus).isEqualTo(SolverStatus.HEURISTIC);
        assertThat(plans.find(id)).get().extracting(StoredPlan::bound).as("no bound proved, none stored").isNull();
        try (var c = dataSource().getConnection();
             var st = c.prepareStatement("UPDATE plans SET solver_status = 'GUESSED' WHERE id = ?")) {
            st.setLong(1, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        assertThatThrownBy(() -> plans.find(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plan " + id + ": solver_status: unknown solver status 'GUESSED'")
                .hasMessageContaining("[OPTIMAL, FEASIBLE, HEURISTIC]");
        // The database is shared by this class's tests, whose newest plan must stay theirs.
        try (var c = dataSource().getConnection(); var st = c.prepareStatement("DELETE FROM plans WHERE id = ?")) {
            st.setLong(1, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void migrationIsIdempotent() {
        assertThat(KelvinDatabase.migrate(dataSource())).isZero();
    }

    private static AuditRecord record(long seq, Instant at, String who, AuditKind kind) {
        AuditEntry entry = new AuditEntry(Actor.user(who), kind, "target-" + seq, "192.0.2." + seq, Outcome.SUCCESS,
                "detail ü " + seq);
        return new AuditRecord(seq, at, entry, "a".repeat(64), Long.toHexString(seq).repeat(64).substring(0, 64));
    }
}
