package io.kelvin.web.api;

import io.kelvin.core.telemetry.Alarm;
import io.kelvin.core.telemetry.AlarmLog;
import io.kelvin.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Alarms devices reported (OPC UA events such as a CDU's leak detection), newest first. */
@Path("/api/v1/alarms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
public class AlarmsResource {

    static final int MAX_LIMIT = 1000;

    /** {@code received} counts every alarm since start, also those no longer kept. */
    public record Alarms(int count, long received, List<Alarm> alarms) {
    }

    private final AlarmLog log;

    public AlarmsResource(AlarmLog log) {
        this.log = log;
    }

    @GET
    public Alarms recent(@QueryParam("limit") String limitText) {
        int limit = QueryParams.wholeInt("limit", limitText, 100);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        List<Alarm> alarms = log.recent(limit);
        return new Alarms(alarms.size(), log.received(), alarms);
    }
}
