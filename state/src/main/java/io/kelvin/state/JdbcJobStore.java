package io.kelvin.state;

import io.kelvin.core.plan.JobSpec;
import io.kelvin.core.plan.JobStore;
import io.kelvin.core.plan.StoredJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link JobStore} on the {@code jobs} table (durations in whole seconds; no project = null). */
public final class JdbcJobStore implements JobStore {

    private static final String COLUMNS = "id, gpus, power_kw_per_gpu, total_power_kw, duration_s, release_at,"
            + " deadline_at, priority, preemptible, checkpoint_s, submitted_at, project";

    /** What is read back: the submitted columns and the cancellation time. */
    private static final String SELECTED = COLUMNS + ", cancelled_at";

    private final Jdbc jdbc;

    public JdbcJobStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean insert(StoredJob job) {
        JobSpec r = job.spec();
        return jdbc.insertUnique("INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", st -> {
            st.setString(1, r.id());
            st.setInt(2, r.gpus());
            Jdbc.nullableDouble(st, 3, r.powerKwPerGpu());
            Jdbc.nullableDouble(st, 4, r.totalPowerKw());
            st.setLong(5, r.duration().toSeconds());
            Jdbc.instant(st, 6, r.release());
            Jdbc.instant(st, 7, r.deadline());
            if (r.priority() == null) {
                st.setNull(8, Types.INTEGER);
            } else {
                st.setInt(8, r.priority());
            }
            st.setBoolean(9, r.preemptible());
            if (r.checkpoint() == null) {
                st.setNull(10, Types.BIGINT);
            } else {
                st.setLong(10, r.checkpoint().toSeconds());
            }
            Jdbc.instant(st, 11, job.submittedAt());
            st.setString(12, r.project());
        });
    }

    @Override
    public Optional<StoredJob> find(String id) {
        return jdbc.queryOne("SELECT " + SELECTED + " FROM jobs WHERE id = ?", st -> st.setString(1, id),
                JdbcJobStore::read);
    }

    @Override
    public List<StoredJob> all() {
        return jdbc.query("SELECT " + SELECTED + " FROM jobs ORDER BY submitted_at, id", st -> { }, JdbcJobStore::read);
    }

    @Override
    public List<StoredJob> submittedSince(Instant since) {
        return jdbc.query("SELECT " + SELECTED + " FROM jobs WHERE submitted_at >= ? ORDER BY submitted_at, id",
                st -> Jdbc.instant(st, 1, since), JdbcJobStore::read);
    }

    @Override
    public List<StoredJob> candidates(Instant deadlineAfter, Instant ranSince) {
        return jdbc.query("SELECT " + SELECTED + " FROM jobs WHERE cancelled_at IS NULL AND (deadline_at > ?"
                + " OR id IN (SELECT job_id FROM job_runs WHERE slot_start >= ?)) ORDER BY submitted_at, id", st -> {
                    Jdbc.instant(st, 1, deadlineAfter);
                    Jdbc.instant(st, 2, ranSince);
                }, JdbcJobStore::read);
    }

    @Override
    public boolean cancel(String id, Instant at) {
        return jdbc.update("UPDATE jobs SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL", st -> {
            Jdbc.instant(st, 1, at);
            st.setString(2, id);
        }) == 1;
    }

    private static StoredJob read(ResultSet rs) throws SQLException {
        JobSpec r = new JobSpec(rs.getString("id"), rs.getInt("gpus"), Jdbc.nullableDouble(rs, "power_kw_per_gpu"),
                Jdbc.nullableDouble(rs, "total_power_kw"), Duration.ofSeconds(rs.getLong("duration_s")),
                Jdbc.instant(rs, "release_at"), Jdbc.instant(rs, "deadline_at"), Jdbc.nullableInt(rs, "priority"),
                rs.getBoolean("preemptible"), Jdbc.nullableSeconds(rs, "checkpoint_s"), rs.getString("project"));
        return new StoredJob(r, Jdbc.instant(rs, "submitted_at"), Jdbc.instant(rs, "cancelled_at"));
    }
}
