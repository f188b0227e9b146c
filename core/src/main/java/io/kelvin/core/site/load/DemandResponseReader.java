package io.kelvin.core.site.load;

import io.kelvin.core.site.DemandResponse;
import io.kelvin.core.site.Meter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code demandResponse:} section of a site file (a VTN's VEN settings and/or the grid API). */
final class DemandResponseReader {

    /** OpenADR 3.1 venName, resourceName, programName and target: 1..128 characters. */
    private static final int MAX_NAME = 128;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The fields of the VEN client, meaningless without a VTN. */
    private static final List<String> VTN_ONLY = List.of("tokenUrl", "clientId", "secretEnv", "secretFile", "targets",
            "pollInterval", "requestTimeout", "callbackUrl");
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(60);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Path configRoot;

    DemandResponseReader(Path configRoot) {
        this.configRoot = configRoot;
    }

    DemandResponse read(Node node, List<Meter> meters) {
        node.allowOnly("vtnUrl", "tokenUrl", "clientId", "secretEnv", "secretFile", "venName", "targets",
                "pollInterval", "requestTimeout", "callbackUrl", "programs", "resources", "gridApi");
        boolean gridApi = node.bool("gridApi", true);
        String venName = name(node, "venName");
        List<DemandResponse.Program> programs = programs(node);
        List<DemandResponse.Resource> resources = resources(node, meters);
        if (!node.has("vtnUrl")) {
            if (!gridApi) {
                node.problem("needs vtnUrl (a VTN to poll) or gridApi: true (Kelvin's own grid API);"
                        + " with neither no event ever arrives");
            }
            for (String field : VTN_ONLY) {
                if (node.has(field)) {
                    node.problem(field, "only goes with vtnUrl (it configures the VEN client of a VTN)");
                }
            }
            return new DemandResponse(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), venName, List.of(), DEFAULT_POLL, DEFAULT_TIMEOUT, Optional.empty(), programs,
                    resources, true);
        }
        URI vtn = url(node, "vtnUrl", true).orElse(URI.create("http://invalid"));
        Optional<URI> token = url(node, "tokenUrl", false);
        Optional<URI> callback = url(node, "callbackUrl", false);
        String clientId = name(node, "clientId");
        Optional<String> secretEnv = node.optText("secretEnv");
        Optional<String> secretFileText = node.optText("secretFile");
        if (secretEnv.isPresent() == secretFileText.isPresent()) {
            node.problem("needs exactly one of secretEnv (an environment variable) or secretFile (a file holding the"
                    + " client secret); a secret is never written in the site file");
        }
        secretEnv.filter(env -> !ENV_NAME.matcher(env).matches())
                .ifPresent(env -> node.problem("secretEnv", "'" + env + "' is not an environment variable name"));
        Optional<Path> secretFile = secretFileText.map(configRoot::resolve);
        secretFile.filter(f -> !Files.isRegularFile(f)).ifPresent(f ->
                node.problem("secretFile", "file '" + secretFileText.orElseThrow() + "' not found under the site-configs folder"));
        List<String> targets = targets(node);
        Duration poll = node.optDuration("pollInterval", Duration.ofSeconds(1), Duration.ofHours(1))
                .orElse(DEFAULT_POLL);
        Duration timeout = node.optDuration("requestTimeout", Duration.ofMillis(100), Duration.ofMinutes(5))
                .orElse(DEFAULT_TIMEOUT);
        return new DemandResponse(Optional.of(vtn), token, Optional.of(clientId), secretEnv, secretFile, venName,
                targets, poll, timeout, callback, programs, resources, gridApi);
    }

    private static Optional<URI> url(Node node, String field, boolean required) {
        Optional<String> text = required ? Optional.of(node.text(field)).filter(t -> !t.isEmpty()) : node.optText(field);
        return text.flatMap(t -> {
            try {
                URI uri = new URI(t);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below with the field
            }
            node.problem(field, "'" + t + "' must be an http:// or https:// URL with a host");
            return Optional.empty();
        });
    }

    private static String name(Node node, String field) {
        String text = node.text(field);
        if (text.length() > MAX_NAME) {
            node.problem(field, "must be at most " + MAX_NAME + " characters (OpenADR 3.1), was " + text.length());
        }
        return text;
    }

    private static List<String> targets(Node node) {
        if (!node.has("targets")) {
            return List.of();
        }
        List<String> targets = node.textList("targets");
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).length() > MAX_NAME) {
                node.problem("targets[" + i + "]", "must be at most " + MAX_NAME + " characters (OpenADR 3.1)");
            }
        }
        return targets;
    }

    private static List<DemandResponse.Program> programs(Node node) {
        List<DemandResponse.Program> programs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> items = node.list("programs");
        if (node.has("programs") && items.isEmpty()) {
            node.problem("programs", "must name at least one program: events of other programs are never acted on");
        }
        for (Node item : items) {
            item.allowOnly("name", "hard", "simpleLevelsKw", "emergencyCapKw");
            String name = name(item, "name");
            if (!name.isEmpty() && !names.add(name)) {
                item.problem("name", "program '" + name + "' is listed twice");
            }
            Map<Integer, Double> levels = new HashMap<>();
            item.optObject("simpleLevelsKw").ifPresent(map -> {
                for (String key : map.fieldNames()) {
                    if (!key.matches("[123]")) {
                        map.problem(key, "SIMPLE levels are 1, 2 or 3 (0 is normal operation, no cap)");
                    } else {
                        levels.put(Integer.parseInt(key), map.number(key, 0, 1e7));
                    }
                }
            });
            Optional<Double> emergency = item.optNumber("emergencyCapKw");
            emergency.filter(kw -> kw < 0).ifPresent(kw -> item.problem("emergencyCapKw", "must be at least 0"));
            programs.add(new DemandResponse.Program(name, item.bool("hard", true), levels, emergency));
        }
        return programs;
    }

    private static List<DemandResponse.Resource> resources(Node node, List<Meter> meters) {
        List<DemandResponse.Resource> resources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : node.list("resources")) {
            item.allowOnly("name", "meters");
            String name = name(item, "name");
            if (!name.isEmpty() && !names.add(name)) {
                item.problem("name", "resource '" + name + "' is listed twice");
            }
            List<String> ids = item.textList("meters");
            if (item.has("meters") && ids.isEmpty()) {
                item.problem("meters", "must name at least one meter");
            }
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (meters.stream().noneMatch(m -> m.id().equals(id))) {
                    item.problem("meters[" + i + "]", "no meter '" + id + "' in this site");
                }
            }
            resources.add(new DemandResponse.Resource(name, ids));
        }
        return resources;
    }
}
