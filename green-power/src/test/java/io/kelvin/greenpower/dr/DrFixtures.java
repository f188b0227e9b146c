package io.kelvin.greenpower.dr;

import io.kelvin.core.site.DemandResponse;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.Interval;
import io.kelvin.greenpower.dr.oadr.IntervalPeriod;
import io.kelvin.greenpower.dr.oadr.ObjectMetadata;
import io.kelvin.greenpower.dr.oadr.ObjectType;
import io.kelvin.greenpower.dr.oadr.OadrDuration;
import io.kelvin.greenpower.dr.oadr.PayloadDescriptor;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.greenpower.dr.oadr.ReportDescriptor;
import io.kelvin.greenpower.dr.oadr.ValuesMap;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Programs, events and VEN settings for the demand-response tests. */
public final class DrFixtures {

    public static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    public static final String PROGRAM_NAME = "CPP-2026";

    private DrFixtures() {
    }

    public static Program program() {
        return new Program(new ObjectMetadata("prog-1", T0, T0, ObjectType.PROGRAM), PROGRAM_NAME, Optional.empty(),
                List.of(), List.of(new PayloadDescriptor.ForEvent("IMPORT_CAPACITY_LIMIT", Optional.of("KW"), Optional.empty())),
                List.of(), List.of());
    }

    public static Program otherProgram() {
        return new Program(new ObjectMetadata("prog-2", T0, T0, ObjectType.PROGRAM), "Other", Optional.empty(), List.of(),
                List.of(), List.of(), List.of());
    }

    public static DemandResponse.Program mapping() {
        return new DemandResponse.Program(PROGRAM_NAME, true, Map.of(1, 9000.0, 2, 7500.0), Optional.of(5000.0));
    }

    public static DemandResponse settings(URI vtn, Optional<URI> callback) {
        return new DemandResponse(Optional.of(vtn), Optional.empty(), Optional.of("kelvin-ven"), Optional.of("KELVIN_VTN_SECRET"), Optional.empty(),
                "demo-aidc", List.of(), Duration.ofSeconds(60), Duration.ofSeconds(5), callback, List.of(mapping()),
                List.of(new DemandResponse.Resource("site-main", List.of("M-GRID"))), true);
    }

    /** An IMPORT_CAPACITY_LIMIT event: one interval of {@code hours} at {@code kw} from {@code start}. */
    public static Event capEvent(String id, Instant version, Instant start, int hours, double kw) {
        return new Event(new ObjectMetadata(id, T0, version, ObjectType.EVENT), "prog-1", Optional.of("cap " + id),
                Optional.empty(), Optional.of(0), List.of(), List.of(ReportDescriptor.of("USAGE")),
                List.of(), Optional.of(IntervalPeriod.of(start, duration(Duration.ofHours(hours)))),
                List.of(new Interval(0, Optional.empty(), List.of(ValuesMap.of("IMPORT_CAPACITY_LIMIT", kw)))));
    }

    public static OadrDuration duration(Duration d) {
        return new OadrDuration(false, 0, 0, 0, d);
    }
}
