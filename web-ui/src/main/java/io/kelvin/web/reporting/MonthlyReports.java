package io.kelvin.web.reporting;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.AuditLog;
import io.kelvin.core.identity.Outcome;
import io.kelvin.reports.archive.ArchiveRun;
import io.kelvin.reports.archive.ArchiveStatus;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/**
 * Keeps the monthly reports: every {@code kelvin.reports.archive-every} (default 1 h, first run a
 * minute after start) the previous month, in the site's time zone by the injected clock, is written
 * under {@code DATA_DIR/reports/YYYY-MM/} unless it is there ({@code reports} {@code MonthlyArchive}).
 * So a month is written within the hour after it ends, and a site that was stopped then catches up
 * when it starts. A month written is on the audit trail (actor {@code system:monthly-reports}); a
 * failure is logged and the next run tries again.
 */
@ApplicationScoped
public class MonthlyReports {

    static final Actor ACTOR = Actor.system("monthly-reports");
    private static final Logger LOG = Logger.getLogger(MonthlyReports.class);

    private final SiteReports reports;
    private final InstantSource clock;
    private final AuditLog audit;

    MonthlyReports(SiteReports reports, InstantSource clock, AuditLog audit) {
        this.reports = reports;
        this.clock = clock;
        this.audit = audit;
    }

    @Scheduled(every = "${kelvin.reports.archive-every:1h}", delayed = "${kelvin.reports.archive-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            runAt(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Monthly reports could not be written; the next run tries again", e);
        }
    }

    /** One run as of {@code now}: writes the month before it unless present. */
    public ArchiveRun runAt(Instant now) {
        ArchiveRun run = reports.archive().archivePreviousMonth(now);
        if (run.status() == ArchiveStatus.WRITTEN) {
            LOG.infof("Monthly reports of %s %s", run.month(), run.detail());
            audit.record(new AuditEntry(ACTOR, AuditKind.REPORT_EXPORTED, reports.site().info().id() + " " + run.month(),
                    "-", Outcome.SUCCESS, "monthly archive " + run.detail()));
        } else {
            LOG.debugf("Monthly reports of %s: %s (%s)", run.month(), run.status(), run.detail());
        }
        return run;
    }
}
