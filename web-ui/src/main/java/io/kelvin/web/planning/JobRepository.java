package io.kelvin.web.planning;

import io.kelvin.energyoptimizer.api.JobRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Submitted jobs in the {@code jobs} table (plain JDBC; schema by Flyway, {@code db/migration}). */
public final class JobRepository {

    private static final String COLUMNS = "id, gpus, power_kw_per_gpu, total_power_kw, duration_s, release_at,"
            + " deadline_at, priority, preemptible, checkpoint_s, submitted_at";

    /** What is read back: the submitted columns and the cancellation time. */
    private static final String SELECTED = COLUMNS + ", cancelled_at";

    private final DataSource dataSource;

    public JobRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a validated job; throws {@link JobConflictException} when its id is taken (nothing changes). */
    public StoredJob insert(JobRequest r, Instant submittedAt) {
        String sql = "INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, r.id());
            st.setInt(2, r.gpus());
            Sql.nullableDouble(st, 3, r.powerKwPerGpu());
            Sql.nullableDouble(st, 4, r.totalPowerKw());
            st.setLong(5, r.duration().toSeconds());
            Sql.instant(st, 6, r.release());
            Sql.instant(st, 7, r.deadline());
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
            Sql.instant(st, 11, submittedAt);
            st.executeUpdate();
            return new StoredJob(r, submittedAt);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new JobConflictException("id: a job '" + r.id() + "' already exists");
            }
            throw Sql.failure("storing job " + r.id(), e);
        }
    }

    public Optional<StoredJob> find(String id) {
        List<StoredJob> found = query("SELECT " + SELECTED + " FROM jobs WHERE id = ?", st -> st.setString(1, id));
        return found.stream().findFirst();
    }

    /** Every job, oldest submission first. */
    public List<StoredJob> all() {
        return query("SELECT " + SELECTED + " FROM jobs ORDER BY submitted_at, id", st -> { });
    }

    /** Jobs submitted at or after {@code since}, oldest submission first. */
    public List<StoredJob> submittedSince(Instant since) {
        return query("SELECT " + SELECTED + " FROM jobs WHERE submitted_at >= ? ORDER BY submitted_at, id",
                st -> Sql.instant(st, 1, since));
    }

    /**
     * Jobs a plan may still have to place, oldest submission first: those not cancelled whose deadline is
     * after {@code deadlineAfter} or that ran at or after {@code ranSince} (a started job finishes even
     * when late).
     */
    public List<StoredJob> candidates(Instant deadlineAfter, Instant ranSince) {
        return query("SELECT " + SELECTED + " FROM jobs WHERE cancelled_at IS NULL AND (deadline_at > ?"
                + " OR id IN (SELECT job_id FROM job_runs WHERE slot_start >= ?)) ORDER BY submitted_at, id", st -> {
                    Sql.instant(st, 1, deadlineAfter);
                    Sql.instant(st, 2, ranSince);
                });
    }

    /** Marks the job cancelled at {@code at}; false when it does not exist or was cancelled already. */
    public boolean cancel(String id, Instant at) {
        String sql = "UPDATE jobs SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            Sql.instant(st, 1, at);
            st.setString(2, id);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("cancelling job " + id, e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private List<StoredJob> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<StoredJob> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading jobs", e);
        }
    }

    private static StoredJob read(ResultSet rs) throws SQLException {
        JobRequest r = new JobRequest(rs.getString("id"), rs.getInt("gpus"), Sql.nullableDouble(rs, "power_kw_per_gpu"),
                Sql.nullableDouble(rs, "total_power_kw"), java.time.Duration.ofSeconds(rs.getLong("duration_s")),
                Sql.instant(rs, "release_at"), Sql.instant(rs, "deadline_at"), Sql.nullableInt(rs, "priority"),
                rs.getBoolean("preemptible"), Sql.nullableSeconds(rs, "checkpoint_s"));
        return new StoredJob(r, Sql.instant(rs, "submitted_at"), Sql.instant(rs, "cancelled_at"));
    }
}
