package io.kelvin.greenpower.dr.ven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kelvin.greenpower.dr.oadr.Event;
import io.kelvin.greenpower.dr.oadr.OadrWriter;
import io.kelvin.greenpower.dr.oadr.Program;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small VTN for tests: a JDK HttpServer on loopback keeping programs, events, vens, resources,
 * subscriptions and reports in memory, with OAuth2 client credentials at /auth/token (discovered through
 * /auth/server). Tests steer it: add or update events, delete them, revoke tokens (as if they expired),
 * go down (503) and come back, and push webhook notifications to the subscribed callback.
 */
public final class TestVtn implements AutoCloseable {

    public static final String CLIENT_ID = "kelvin-ven";
    public static final String SECRET = "s3cret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ObjectNode> programs = new LinkedHashMap<>();
    private final Map<String, ObjectNode> events = new LinkedHashMap<>();
    private final Map<String, ObjectNode> vens = new LinkedHashMap<>();
    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
    public final List<JsonNode> reports = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger tokensIssued = new AtomicInteger();
    volatile boolean down;
    volatile long expiresIn = 3600;
    /** What /auth/server answers as tokenURL (the proxy's address when the VTN sits behind one). */
    volatile String publicBase;

    public TestVtn(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.start();
        publicBase = "http://127.0.0.1:" + port;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void addProgram(Program program) {
        programs.put(program.id(), OadrWriter.program(program));
    }

    public synchronized void putEvent(Event event) {
        events.put(event.id(), OadrWriter.event(event));
    }

    /** Puts raw JSON as an event (for malformed events). */
    synchronized void putRawEvent(String id, ObjectNode raw) {
        events.put(id, raw);
    }

    public synchronized void deleteEvent(String id) {
        events.remove(id);
    }

    public void revokeTokens() {
        tokens.clear();
    }

    /** Posts a notification to every subscription's callback with its bearer token; returns the statuses. */
    public List<Integer> notify(String objectType, String operation, JsonNode object) throws IOException, InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        List<ObjectNode> subs;
        synchronized (this) {
            subs = List.copyOf(subscriptions.values());
        }
        for (ObjectNode sub : subs) {
            for (JsonNode op : sub.get("objectOperations")) {
                ObjectNode body = JSON.createObjectNode().put("objectType", objectType).put("operation", operation);
                body.set("object", object);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(op.get("callbackUrl").asText()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
                if (op.hasNonNull("bearerToken")) {
                    request.header("Authorization", "Bearer " + op.get("bearerToken").asText());
                }
                try (HttpClient client = HttpClient.newHttpClient()) {
                    statuses.add(client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                }
            }
        }
        return statuses;
    }

    public synchronized List<ObjectNode> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    public synchronized List<ObjectNode> vens() {
        return List.copyOf(vens.values());
    }

    public synchronized List<ObjectNode> resources() {
        return List.copyOf(resources.values());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + path);
            if (down) {
                send(exchange, 500, problem(500, "Internal Server Error", "VTN down for maintenance"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/auth/server")) {
                send(exchange, 200, JSON.createObjectNode().put("tokenURL", publicBase + "/auth/token"));
            } else if (path.equals("/auth/token")) {
                token(exchange, body);
            } else if (!authorized(exchange)) {
                send(exchange, 401, problem(401, "Unauthorized", "token expired or unknown"));
            } else {
                route(exchange, method, path, query, body);
            }
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        Map<String, String> form = query(body);
        if (!CLIENT_ID.equals(form.get("client_id")) || !SECRET.equals(form.get("client_secret"))) {
            send(exchange, 401, problem(401, "Unauthorized", "invalid_client: unknown client or wrong secret"));
            return;
        }
        String token = "tok-" + tokensIssued.incrementAndGet();
        tokens.add(token);
        send(exchange, 200, JSON.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", expiresIn));
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") && tokens.contains(header.substring(7));
    }

    private synchronized void route(HttpExchange ex, String method, String path, Map<String, String> q, String body)
            throws IOException {
        switch (method + " " + path.replaceFirst("^/(\\w+)/[^/]+$", "/$1/{id}")) {
            case "GET /programs" -> send(ex, 200, page(programs.values(), q, null));
            case "GET /events" -> send(ex, 200, page(events.values(), q, q.get("programID")));
            case "GET /vens" -> send(ex, 200, array(vens.values().stream().filter(v -> !q.containsKey("venName")
                    || v.get("venName").asText().equals(q.get("venName"))).toList()));
            case "POST /vens" -> send(ex, 201, store(vens, "VEN", body, o -> o.put("clientID", CLIENT_ID)));
            case "GET /resources" -> send(ex, 200, array(resources.values().stream().filter(r -> !q.containsKey("venID")
                    || r.get("venID").asText().equals(q.get("venID"))).toList()));
            case "POST /resources" -> send(ex, 201, store(resources, "RESOURCE", body, o -> o.put("clientID", CLIENT_ID)));
            case "GET /subscriptions" -> send(ex, 200, array(subscriptions.values()));
            case "POST /subscriptions" -> send(ex, 201, store(subscriptions, "SUBSCRIPTION", body, o -> o.put("clientID", CLIENT_ID)));
            case "PUT /subscriptions/{id}" -> {
                String id = path.substring(path.lastIndexOf('/') + 1);
                ObjectNode updated = (ObjectNode) JSON.readTree(body);
                ObjectNode old = subscriptions.get(id);
                updated.setAll(meta(id, "SUBSCRIPTION", old.get("createdDateTime").asText()));
                updated.put("clientID", CLIENT_ID);
                subscriptions.put(id, updated);
                send(ex, 200, updated);
            }
            case "POST /reports" -> {
                ObjectNode report = store(new LinkedHashMap<>(), "REPORT", body, o -> o.put("clientID", CLIENT_ID));
                reports.add(report);
                send(ex, 201, report);
            }
            case "GET /reports" -> send(ex, 200, array(reports.stream().map(r -> (ObjectNode) r)
                    .filter(r -> !q.containsKey("eventID") || r.path("eventID").asText().equals(q.get("eventID")))
                    .filter(r -> !q.containsKey("clientName") || r.path("clientName").asText().equals(q.get("clientName")))
                    .skip(Integer.parseInt(q.getOrDefault("skip", "0"))).limit(Integer.parseInt(q.getOrDefault("limit", "50")))
                    .toList()));
            case "PUT /reports/{id}" -> {
                String id = path.substring(path.lastIndexOf('/') + 1);
                JsonNode old = reports.stream().filter(r -> r.get("id").asText().equals(id)).findFirst().orElse(null);
                if (old == null) {
                    send(ex, 404, problem(404, "Not Found", "no report " + id));
                    return;
                }
                ObjectNode updated = (ObjectNode) JSON.readTree(body);
                updated.setAll(meta(id, "REPORT", old.get("createdDateTime").asText()));
                updated.put("modificationDateTime", OadrWriter.dateTime(Instant.parse("2026-01-01T00:00:01Z")));
                updated.put("clientID", CLIENT_ID);
                reports.replaceAll(r -> r == old ? updated : r);
                send(ex, 200, updated);
            }
            default -> send(ex, 404, problem(404, "Not Found", method + " " + path));
        }
    }

    private ObjectNode store(Map<String, ObjectNode> map, String type, String body,
                             java.util.function.Consumer<ObjectNode> extra) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        String id = type.toLowerCase().replace("bl_", "").replace("_request", "") + "-" + ids.incrementAndGet();
        node.setAll(meta(id, type, OadrWriter.dateTime(Instant.parse("2026-01-01T00:00:00Z"))));
        extra.accept(node);
        map.put(id, node);
        return node;
    }

    private static ObjectNode meta(String id, String type, String created) {
        return JSON.createObjectNode().put("id", id).put("createdDateTime", created)
                .put("modificationDateTime", created).put("objectType", type);
    }

    private static ArrayNode page(java.util.Collection<ObjectNode> all, Map<String, String> q, String programId) {
        int skip = Integer.parseInt(q.getOrDefault("skip", "0"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        return array(all.stream().filter(o -> programId == null || programId.equals(o.path("programID").asText()))
                .skip(skip).limit(limit).toList());
    }

    private static ArrayNode array(java.util.Collection<ObjectNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(array::add);
        return array;
    }

    private static ObjectNode problem(int status, String title, String detail) {
        return OadrWriter.problem(status, title, detail);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            map.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
