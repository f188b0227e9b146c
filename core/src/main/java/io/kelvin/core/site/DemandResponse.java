package io.kelvin.core.site;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's demand-response settings, from the {@code demandResponse:} section of the site file: where
 * events come from (a grid operator's VTN that Kelvin polls as a VEN, Kelvin's own grid API, or both) and
 * how Kelvin acts on them.
 *
 * <p>{@code vtnUrl}, when present, is the VTN's base URL (paths such as {@code /events} are appended); the token
 * endpoint is found through {@code GET /auth/server} unless {@code tokenUrl} is given (OpenADR 3.1
 * allows provisioning it out of band). The client secret is never in the site file: it is read when the
 * client connects, from the environment variable {@code secretEnv} or the first line of
 * {@code secretFile}. Without a VTN, {@code clientId} and the secret are empty and no VEN client runs.
 * {@code gridApi}: whether Kelvin's own OpenADR 3.1 grid API takes events (always true without a VTN). {@code programs} is the program filter (only events of these programs are acted
 * on) with each program's mapping; {@code resources} name the VEN's resources and the meters whose
 * readings their reports carry. {@code targets} are sent with every read (OpenADR targeting).
 * {@code callbackUrl}, when set, is where the VTN's webhook notifications reach Kelvin.
 */
public record DemandResponse(Optional<URI> vtnUrl, Optional<URI> tokenUrl, Optional<String> clientId, Optional<String> secretEnv,
                             Optional<Path> secretFile, String venName, List<String> targets,
                             Duration pollInterval, Duration requestTimeout, Optional<URI> callbackUrl,
                             List<Program> programs, List<Resource> resources,
                             boolean gridApi) {

    public DemandResponse {
        targets = List.copyOf(targets);
        programs = List.copyOf(programs);
        resources = List.copyOf(resources);
        if (vtnUrl.isEmpty() && !gridApi) {
            throw new IllegalArgumentException("demandResponse: needs a VTN (vtnUrl) or the grid API (gridApi: true)");
        }
        if (vtnUrl.isPresent() != clientId.isPresent()) {
            throw new IllegalArgumentException("demandResponse: clientId goes with vtnUrl");
        }
    }

    /** Whether Kelvin polls a grid operator's VTN as a VEN. */
    public boolean hasVtn() {
        return vtnUrl.isPresent();
    }

    public Optional<Program> program(String programName) {
        return programs.stream().filter(p -> p.name().equals(programName)).findFirst();
    }

    /**
     * How Kelvin acts on one program's events. {@code hard}: caps are constraints (else penalised soft
     * caps). {@code simpleLevelsKw}: the import cap in kW for each SIMPLE level 1..3 (level 0 is normal
     * operation, no cap; a level without an entry is reported and not acted on).
     * {@code emergencyCapKw}: the import cap during an ALERT_GRID_EMERGENCY, if any.
     */
    public record Program(String name, boolean hard, Map<Integer, Double> simpleLevelsKw,
                          Optional<Double> emergencyCapKw) {

        public Program {
            simpleLevelsKw = Map.copyOf(simpleLevelsKw);
        }
    }

    /** A VEN resource as the VTN knows it ({@code name}) and the site meters (ids) that measure it. */
    public record Resource(String name, List<String> meters) {

        public Resource {
            meters = List.copyOf(meters);
        }
    }
}
