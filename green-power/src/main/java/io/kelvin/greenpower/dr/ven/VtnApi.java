package io.kelvin.greenpower.dr.ven;

import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.OadrFormatException;
import io.kelvin.greenpower.dr.oadr.OadrReader;
import io.kelvin.greenpower.dr.oadr.OadrWriter;
import io.kelvin.greenpower.dr.oadr.Program;
import io.kelvin.greenpower.dr.oadr.Report;
import io.kelvin.greenpower.dr.oadr.Resource;
import io.kelvin.greenpower.dr.oadr.Subscription;
import io.kelvin.greenpower.dr.oadr.Ven;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The VTN's endpoints a VEN uses, typed: each call carries a bearer token and, when the VTN answers
 * 401 (the token expired early or was revoked), fetches a new token and tries once more. Lists are read
 * page by page ({@code skip}, {@code limit} = {@value #PAGE}, the schema's maximum) with the site's
 * targets.
 */
public final class VtnApi {

    /** Largest page the schema allows ({@code limit} maximum 50). */
    public static final int PAGE = 50;

    private final VtnHttp http;
    private final TokenSource tokens;
    private final List<String> targets;

    public VtnApi(VtnHttp http, TokenSource tokens, List<String> targets) {
        this.http = http;
        this.tokens = tokens;
        this.targets = List.copyOf(targets);
    }

    /** Programs visible to this VEN; malformed ones are reported in the batch, not thrown. */
    public OadrReader.Batch<Program> programs() {
        return pages("programs", Map.of(), OadrReader::eachProgram);
    }

    public OadrReader.Batch<Event> events(String programId) {
        return pages("events", Map.of("programID", List.of(programId)), OadrReader::eachEvent);
    }

    public Optional<Ven> venByName(String venName) {
        String body = authorized(t -> http.get("vens", Map.of("venName", List.of(venName)), Optional.of(t))).body();
        return read("GET /vens", () -> OadrReader.vens(body)).stream().filter(v -> v.venName().equals(venName)).findFirst();
    }

    public Ven createVen(String venName) {
        String json = OadrWriter.venRequest(venName, List.of());
        String body = authorized(t -> http.post("vens", json, Optional.of(t))).body();
        return read("POST /vens", () -> OadrReader.ven(body));
    }

    public List<Resource> resources(String venId) {
        String body = authorized(t -> http.get("resources", Map.of("venID", List.of(venId)), Optional.of(t))).body();
        return read("GET /resources", () -> OadrReader.resources(body));
    }

    public Resource createResource(String resourceName, String venId) {
        String json = OadrWriter.resourceRequest(resourceName, venId, List.of());
        String body = authorized(t -> http.post("resources", json, Optional.of(t))).body();
        return read("POST /resources", () -> OadrReader.resource(body));
    }

    public List<Subscription> subscriptions(String clientName) {
        String body = authorized(t -> http.get("subscriptions", Map.of("clientName", List.of(clientName)), Optional.of(t))).body();
        return read("GET /subscriptions", () -> readSubscriptions(body));
    }

    public Subscription createSubscription(Subscription request) {
        String json = OadrWriter.subscriptionRequest(request);
        String body = authorized(t -> http.post("subscriptions", json, Optional.of(t))).body();
        return read("POST /subscriptions", () -> OadrReader.subscription(body));
    }

    public Subscription updateSubscription(String id, Subscription request) {
        String json = OadrWriter.subscriptionRequest(request);
        String body = authorized(t -> http.put("subscriptions/" + id, json, Optional.of(t))).body();
        return read("PUT /subscriptions", () -> OadrReader.subscription(body));
    }

    public Report postReport(Report report) {
        String json = OadrWriter.reportRequest(report);
        String body = authorized(t -> http.post("reports", json, Optional.of(t))).body();
        return read("POST /reports", () -> OadrReader.report(body));
    }

    /** The reports on the VTN of event {@code eventId} by client {@code clientName} (every page). */
    public List<Report> reports(String eventId, String clientName) {
        List<Report> all = new ArrayList<>();
        for (int skip = 0; ; skip += PAGE) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            query.put("eventID", List.of(eventId));
            query.put("clientName", List.of(clientName));
            query.put("skip", List.of(Integer.toString(skip)));
            query.put("limit", List.of(Integer.toString(PAGE)));
            String body = authorized(t -> http.get("reports", query, Optional.of(t))).body();
            List<Report> page = read("GET /reports", () -> OadrReader.reports(body));
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    /** Replaces a report Kelvin posted earlier ({@code PUT /reports/{id}}). */
    public Report updateReport(String id, Report report) {
        String json = OadrWriter.reportRequest(report);
        String body = authorized(t -> http.put("reports/" + id, json, Optional.of(t))).body();
        return read("PUT /reports", () -> OadrReader.report(body));
    }

    private <T> OadrReader.Batch<T> pages(String path, Map<String, List<String>> filter,
                                          Function<String, OadrReader.Batch<T>> reader) {
        List<T> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int skip = 0; ; skip += PAGE) {
            Map<String, List<String>> query = new LinkedHashMap<>(filter);
            if (!targets.isEmpty()) {
                query.put("targets", targets);
            }
            query.put("skip", List.of(Integer.toString(skip)));
            query.put("limit", List.of(Integer.toString(PAGE)));
            String body = authorized(t -> http.get(path, query, Optional.of(t))).body();
            OadrReader.Batch<T> page = read("GET /" + path, () -> reader.apply(body));
            items.addAll(page.items());
            int offset = skip;
            page.problems().forEach(p -> problems.add("GET /" + path + " item " + shift(p, offset)));
            if (page.items().size() + page.problems().size() < PAGE) {
                return new OadrReader.Batch<>(items, problems);
            }
        }
    }

    private static String shift(String problem, int offset) {
        if (offset == 0 || !problem.startsWith("[")) {
            return problem;
        }
        int end = problem.indexOf(']');
        return "[" + (Integer.parseInt(problem.substring(1, end)) + offset) + problem.substring(end);
    }

    private VtnHttp.Answer authorized(Function<String, VtnHttp.Answer> call) {
        try {
            return call.apply(tokens.token());
        } catch (VtnException e) {
            if (!e.unauthorized()) {
                throw e;
            }
            tokens.invalidate();
            return call.apply(tokens.token());
        }
    }

    private static List<Subscription> readSubscriptions(String body) {
        return OadrReader.subscriptions(body);
    }

    private static <T> T read(String what, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (OadrFormatException e) {
            throw new VtnException(200, what + ": the VTN's answer does not follow OpenADR 3.1: "
                    + String.join("; ", e.problems()));
        }
    }
}
