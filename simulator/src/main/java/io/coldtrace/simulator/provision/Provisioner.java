package io.coldtrace.simulator.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.core.json.Json;
import io.coldtrace.simulator.provision.ApiClient.Response;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Creates a {@link Blueprint} through tracking-api, idempotently: a resource that exists already (409) is compared
 * with what is wanted and replaced (PUT) only when it differs (farm plots, which the API cannot update, are only
 * reported as drifted), a device already bound to its unit is left alone. Prints
 * one line per resource. Devices are known to tracking-api only once they have reported, so bindings wait for them.
 */
public final class Provisioner {
    /** How often to look again for devices that have not reported yet. */
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final double NUMBER_TOLERANCE = 1e-4; // sites' lat/lon and limits may be stored as real
    static final String AUTH_HINT = "is the token an admin's? create one with: java -jar "
            + "tracking-api/target/coldtrace-api.jar create-token --role admin --name NAME";

    /** Resources by outcome; {@code drifted} differ from the blueprint but cannot be updated (farm plots). */
    public record Summary(int created, int updated, int unchanged, int drifted) {
        public int total() {
            return created + updated + unchanged + drifted;
        }
    }

    private final ApiClient api;
    private final Blueprint plan;
    private final Instant bindFrom;
    private final Duration deviceWait;
    private final PrintStream out;
    private int created;
    private int updated;
    private int unchanged;
    private int drifted;

    /**
     * @param bindFrom where new bindings start: the world's start, so the readings it backfills belong to the units
     * @param deviceWait how long to wait for devices that have not reported yet (0 = fail at once)
     */
    public Provisioner(ApiClient api, Blueprint plan, Instant bindFrom, Duration deviceWait, PrintStream out) {
        this.api = api;
        this.plan = plan;
        this.bindFrom = bindFrom;
        this.deviceWait = deviceWait;
        this.out = out;
    }

    public Summary run() throws ProvisionException, InterruptedException {
        org();
        for (ObjectNode s : plan.sites()) {
            ensure("site", "/api/v1/sites", s);
        }
        for (ObjectNode p : plan.profiles()) {
            ensure("profile", "/api/v1/profiles", p);
        }
        for (ObjectNode u : plan.units()) {
            ensure("unit", "/api/v1/units", u);
        }
        TraceBlueprint trace = plan.trace();
        for (ObjectNode p : trace.parties()) {
            ensure("party", "/api/v1/parties", p);
        }
        for (ObjectNode p : trace.products()) {
            ensure("product", "/api/v1/products", p);
        }
        for (ObjectNode p : trace.plots()) {
            ensure("plot", "/api/v1/plots", p, false);
        }
        bindings();
        Summary s = new Summary(created, updated, unchanged, drifted);
        out.printf("provisioned organisation %s at %s: %d sites, %d profiles, %d units, %d parties, %d products, "
                        + "%d plots, %d bindings (%d created, %d updated, %d unchanged%s)%n",
                plan.org().get("id").asText(), api.base(), plan.sites().size(), plan.profiles().size(),
                plan.units().size(), trace.parties().size(), trace.products().size(), trace.plots().size(),
                plan.bindings().size(), s.created(), s.updated(), s.unchanged(),
                s.drifted() == 0 ? "" : ", " + s.drifted() + " drifted");
        return s;
    }

    /** Organisations cannot be renamed through the API, so an existing one is only reported. */
    private void org() throws ProvisionException, InterruptedException {
        String id = plan.org().get("id").asText();
        Response r = api.post("/api/v1/orgs", plan.org());
        if (r.status() == 201) {
            report("org", id, "created");
            created++;
            return;
        }
        if (r.status() != 409) {
            throw failed("POST /api/v1/orgs", r);
        }
        Response list = expect("GET /api/v1/orgs?limit=1000", api.get("/api/v1/orgs?limit=1000"), 200);
        String name = null;
        for (JsonNode o : list.json().path("items")) {
            if (id.equals(o.path("id").asText())) {
                name = o.path("name").asText();
            }
        }
        if (name == null) {
            throw new ProvisionException("organisation " + id + " exists but this token cannot see it", 409,
                    "use a token without an organisation, or of organisation " + id + " (--org)");
        }
        String wanted = plan.org().get("name").asText();
        report("org", id, wanted.equals(name) ? "exists" : "exists, named '" + name + "' (the API renames none)");
        unchanged++;
    }

    private void ensure(String what, String collection, ObjectNode wanted)
            throws ProvisionException, InterruptedException {
        ensure(what, collection, wanted, true);
    }

    /** @param updatable whether the API has {@code PUT collection/id}; without it a difference is only reported */
    private void ensure(String what, String collection, ObjectNode wanted, boolean updatable)
            throws ProvisionException, InterruptedException {
        String id = wanted.get("id").asText();
        Response r = api.post(collection, wanted);
        if (r.status() == 201) {
            report(what, id, "created");
            created++;
            return;
        }
        if (r.status() != 409) {
            throw failed("POST " + collection + " (" + what + " " + id + ")", r);
        }
        String path = collection + "/" + id;
        Response got = api.get(path);
        if (got.status() == 404) {
            throw new ProvisionException(what + " " + id + " exists in another organisation (POST answered 409, "
                    + "GET " + path + " 404)", 409, "provision another world into this database with other ids, "
                    + "or use a fresh database");
        }
        expect("GET " + path, got, 200);
        String owner = got.json().path("org_id").asText(null);
        if (wanted.has("org_id") && owner != null && !owner.equals(wanted.get("org_id").asText())) {
            throw new ProvisionException(what + " " + id + " belongs to organisation " + owner + ", not "
                    + wanted.get("org_id").asText(), 409, "choose --org " + owner + " or use a fresh database");
        }
        List<String> diffs = differences(wanted, got.json());
        if (diffs.isEmpty()) {
            report(what, id, "exists");
            unchanged++;
            return;
        }
        if (!updatable) {
            report(what, id, "drifted " + String.join(", ", diffs) + " (the API updates no " + what
                    + "; left as it is)");
            drifted++;
            return;
        }
        ObjectNode replacement = wanted.deepCopy();
        replacement.remove(List.of("id", "org_id"));
        expect("PUT " + path, api.put(path, replacement), 200);
        report(what, id, "updated " + String.join(", ", diffs));
        updated++;
    }

    private void bindings() throws ProvisionException, InterruptedException {
        List<Blueprint.Binding> pending = new ArrayList<>();
        Response lastRefusal = null;
        for (Blueprint.Binding b : plan.bindings()) {
            Response refused = bind(b);
            if (refused != null) {
                pending.add(b);
                lastRefusal = refused;
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(deviceWait);
        out.printf("waiting up to %d s for %d devices to report through ingest: %s%n", deviceWait.toSeconds(),
                pending.size(), devices(pending));
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            for (Iterator<Blueprint.Binding> it = pending.iterator(); it.hasNext(); ) {
                Response refused = bind(it.next());
                if (refused == null) {
                    it.remove();
                } else {
                    lastRefusal = refused;
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new ProvisionException("devices unknown to tracking-api after " + deviceWait.toSeconds() + " s: "
                    + devices(pending) + "; last answer HTTP " + lastRefusal.status() + " " + lastRefusal.text(),
                    lastRefusal.status(), "devices become known when they first report: is the simulator world "
                    + "(same flags) publishing to the broker ingest reads? wait longer with --wait-devices-s");
        }
    }

    /** Binds one device unless it is bound there already; returns the refusal when the device is not known yet. */
    private Response bind(Blueprint.Binding b) throws ProvisionException, InterruptedException {
        String path = "/api/v1/units/" + b.unitId() + "/devices";
        String what = b.device() + " → " + b.unitId();
        JsonNode current = expect("GET " + path, api.get(path + "?limit=1"), 200).json().path("items").path(0);
        if (b.device().equals(current.path("device").asText()) && current.path("to").isNull()) {
            report("binding", what, "exists");
            unchanged++;
            return null;
        }
        ObjectNode body = Json.mapper().createObjectNode().put("device", b.device()).put("from", bindFrom.toString());
        Response r = api.post(path, body);
        if (r.status() == 422 && "device".equals(r.errorField())) {
            return r;
        }
        if (r.status() != 201) {
            throw failed("POST " + path + " " + body, r);
        }
        String moved = r.json().path("moved_from").asText(null);
        report("binding", what, moved == null ? "created" : "created (moved from unit " + moved + ")");
        created++;
        return null;
    }

    /** Fields of {@code wanted} whose value {@code actual} does not have (numbers within a small tolerance). */
    static List<String> differences(ObjectNode wanted, JsonNode actual) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode w = f.getValue();
            JsonNode a = actual.path(f.getKey());
            boolean same = w.isNumber() && a.isNumber()
                    ? Math.abs(w.asDouble() - a.asDouble()) <= NUMBER_TOLERANCE
                    : w.isNull() ? a.isNull() || a.isMissingNode() : w.equals(a);
            if (!same) {
                out.add(f.getKey());
            }
        }
        return out;
    }

    private static String devices(List<Blueprint.Binding> bindings) {
        return String.join(", ", bindings.stream().map(Blueprint.Binding::device).toList());
    }

    private Response expect(String request, Response r, int status) throws ProvisionException {
        if (r.status() != status) {
            throw failed(request, r);
        }
        return r;
    }

    private ProvisionException failed(String request, Response r) {
        String hint = r.status() == 401 || r.status() == 403 ? AUTH_HINT
                : "is tracking-api running at " + api.base() + "? " + AUTH_HINT;
        return new ProvisionException(request + " answered HTTP " + r.status() + ": " + r.text(), r.status(), hint);
    }

    private void report(String what, String id, String outcome) {
        out.printf("%-8s %-12s %s%n", what, id, outcome);
    }
}
