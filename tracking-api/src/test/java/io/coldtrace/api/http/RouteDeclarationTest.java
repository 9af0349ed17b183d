package io.coldtrace.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.ApiConfig;
import io.coldtrace.api.ApiRoutes;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.core.config.Env;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.coldtrace.api.work.CpuWork;
import io.vertx.core.Vertx;
import java.time.Clock;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Every route the API registers declares who may call it. */
class RouteDeclarationTest {
    private Vertx vertx;
    private BlockingDb db;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        // never connected: building routes must not touch the database
        db = new BlockingDb(vertx, new PGSimpleDataSource(), 1);
    }

    @AfterEach
    void tearDown() {
        db.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void everyRegisteredRouteHasAnAccessDeclaration() {
        ApiConfig cfg = ApiConfig.from(new Env(Map.of()));
        RouteTable table = ApiRoutes.build(new FeatureContext(vertx, cfg, db, CpuWork.forMachine(vertx),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC()));
        Map<String, Access> declared = new TreeMap<>();
        for (Route route : table.router().getRoutes()) {
            assertThat(route.getPath()).as("route %s has a path", route.getName()).isNotNull();
            assertThat(route.methods()).as("route %s names its methods", route.getPath()).hasSize(1);
            Object access = route.metadata().get(RouteTable.ACCESS);
            assertThat(access).as("access of %s", route.getName()).isInstanceOf(Access.class);
            declared.put(route.getName(), (Access) access);
        }
        Access readers = Access.roles(Role.OPERATOR, Role.DISPATCHER, Role.QA);
        Access admins = Access.roles(Role.ADMIN);
        Access operators = Access.roles(Role.OPERATOR);
        Access responders = Access.roles(Role.OPERATOR, Role.QA);
        Map<String, Access> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("GET /health", Access.probe()),
                Map.entry("GET /ready", Access.probe()),
                Map.entry("GET /metrics", Access.metrics()),
                Map.entry("GET /api/v1/devices/latest", readers),
                Map.entry("GET /api/v1/devices/unclaimed", readers),
                Map.entry("GET /api/v1/devices/:id/completeness", readers),
                Map.entry("GET /api/v1/units/:id/history", readers),
                Map.entry("GET /api/v1/units/:id/record", readers),
                Map.entry("POST /api/v1/orgs", admins),
                Map.entry("GET /api/v1/orgs", admins),
                Map.entry("POST /api/v1/sites", admins),
                Map.entry("GET /api/v1/sites", readers),
                Map.entry("GET /api/v1/sites/:id", readers),
                Map.entry("PUT /api/v1/sites/:id", admins),
                Map.entry("POST /api/v1/profiles", operators),
                Map.entry("GET /api/v1/profiles", readers),
                Map.entry("GET /api/v1/profiles/:id", readers),
                Map.entry("PUT /api/v1/profiles/:id", operators),
                Map.entry("POST /api/v1/units", operators),
                Map.entry("GET /api/v1/units", readers),
                Map.entry("GET /api/v1/units/:id", readers),
                Map.entry("PUT /api/v1/units/:id", operators),
                Map.entry("POST /api/v1/units/:id/devices", operators),
                Map.entry("GET /api/v1/units/:id/devices", readers),
                Map.entry("DELETE /api/v1/units/:id/devices/:ext", operators),
                Map.entry("POST /api/v1/users", admins),
                Map.entry("GET /api/v1/users", admins),
                Map.entry("POST /api/v1/users/:id/disable", admins),
                Map.entry("GET /api/v1/alarms", readers),
                Map.entry("GET /api/v1/alarms/:id", readers),
                Map.entry("POST /api/v1/alarms/:id/acknowledge", responders),
                Map.entry("POST /api/v1/alarms/:id/resolve", responders),
                Map.entry("POST /api/v1/webhooks", operators),
                Map.entry("GET /api/v1/webhooks", operators),
                Map.entry("DELETE /api/v1/webhooks/:id", operators)));
        expected.putAll(Map.of(
                "GET /api/v1/overview", readers,
                "GET /api/v1/stream", readers,
                "GET /", readers,
                "GET /overview", readers,
                "GET /units/:id", readers,
                "GET /alarms", readers));
        // master data (issue 7): operators configure parties, products and plots; operators and QA record certificates
        expected.putAll(Map.ofEntries(
                Map.entry("POST /api/v1/parties", operators),
                Map.entry("GET /api/v1/parties", readers),
                Map.entry("GET /api/v1/parties/:id", readers),
                Map.entry("PUT /api/v1/parties/:id", operators),
                Map.entry("POST /api/v1/products", operators),
                Map.entry("GET /api/v1/products", readers),
                Map.entry("GET /api/v1/products/:id", readers),
                Map.entry("PUT /api/v1/products/:id", operators),
                Map.entry("POST /api/v1/plots", operators),
                Map.entry("GET /api/v1/plots", readers),
                Map.entry("GET /api/v1/plots/:id", readers),
                Map.entry("PUT /api/v1/plots/:id", operators),
                Map.entry("POST /api/v1/certifications", responders),
                Map.entry("GET /api/v1/certifications", readers),
                Map.entry("GET /api/v1/certifications/:id", readers),
                Map.entry("PUT /api/v1/certifications/:id", responders),
                Map.entry("POST /api/v1/certifications/:id/evidence", responders),
                Map.entry("GET /api/v1/certifications/:id/evidence", readers),
                Map.entry("GET /api/v1/certifications/:id/evidence/:file", readers)));
        // the event ledger (issue 7 §2): operators and QA record events; every role reads and verifies its chain;
        // admins anchor chain heads on demand
        expected.putAll(Map.of(
                "POST /api/v1/events", responders,
                "POST /api/v1/events/bulk", responders,
                "GET /api/v1/events", readers,
                "GET /api/v1/events/verify", readers,
                "POST /api/v1/events/anchor", admins,
                "GET /api/v1/events/:id", readers));
        // custody joined to telemetry (issue 7 §3)
        expected.put("GET /api/v1/lots/:id/custody", readers);
        // exposure for recalls (issue 8 §2): QA (admins pass every role policy)
        expected.put("GET /api/v1/units/:id/exposure", Access.roles(Role.QA));
        expected.put("GET /api/v1/alarms/:id/exposure", Access.roles(Role.QA));
        // traces and mass balance (issue 8 §1): QA
        for (String route : new String[] {"GET /api/v1/lots/:id/trace/backward", "GET /api/v1/lots/:id/trace/forward",
                "GET /api/v1/plots/:id/trace/forward", "GET /api/v1/lots/:id/mass-balance",
                "GET /api/v1/mass-balance/faults", "GET /lots/:id/trace"}) {
            expected.put(route, Access.roles(Role.QA));
        }
        // recall cases (issue 8 §3): QA
        for (String route : new String[] {"POST /api/v1/recalls", "GET /api/v1/recalls", "GET /api/v1/recalls/:id",
                "GET /api/v1/recalls/:id/buyers.csv", "POST /api/v1/recalls/:id/status",
                "POST /api/v1/recalls/:id/acknowledgements", "GET /recalls", "GET /recalls/:id",
                // audit packs (issue 8 §4): QA
                "GET /api/v1/lots/:id/audit-pack", "GET /api/v1/recalls/:id/audit-pack",
                // trace grants (issue 8 §6): QA
                "POST /api/v1/trace-grants", "POST /api/v1/trace-grants/:id/revoke", "GET /api/v1/trace-grants"}) {
            expected.put(route, Access.roles(Role.QA));
        }
        // who is signed in (the pages' QA links): every person's role, an authority's too
        Access people = Access.roles(Role.OPERATOR, Role.DISPATCHER, Role.QA, Role.AUTHORITY);
        expected.put("GET /api/v1/session", people);
        expected.put("GET /api/v1/events/projections/check", Access.roles(Role.QA, Role.ADMIN));
        // trace codes in print (issue 7 §4): staff read QR images and label sheets; operators and QA map external codes
        expected.putAll(Map.of(
                "GET /api/v1/lots/:id/qr.svg", readers,
                "GET /api/v1/lots/:id/qr.png", readers,
                "GET /api/v1/lots/:id/labels.pdf", readers,
                "GET /api/v1/events/:id/labels.pdf", readers,
                "PUT /api/v1/lots/:id/external-code", responders));
        // lots (issue 7 §6): every role reads them; their events are recorded through POST /api/v1/events
        expected.putAll(Map.of(
                "GET /api/v1/lots", readers,
                "GET /api/v1/lots/by-code/:code", readers,
                "GET /api/v1/lots/:id", readers,
                "GET /lots", readers,
                "GET /lots/pack", readers,
                "GET /lots/:id", readers));
        // the buyer's page (issue 7 §5): QA sees which codes may have been copied
        expected.put("GET /api/v1/trace/suspicious", Access.roles(Role.QA));
        expected.put("GET /api/v1/lots/:id/epcis", Access.roles(Role.QA));
        // where the Digital Link's gs1:traceability link points (issue 8 §5)
        expected.put("GET /api/v1/lots/by-code/:code/epcis", Access.roles(Role.QA));
        expected.put("GET /api/v1/epcis/events", Access.roles(Role.QA));
        // EPCIS capture at the REST binding's paths (issue 8 §5, §6): partner tokens (nothing else) and QA; its query
        expected.put("POST /epcis/capture", Access.roles(Role.PARTNER, Role.QA));
        expected.put("GET /epcis/capture/:id", Access.roles(Role.PARTNER, Role.QA));
        expected.put("GET /epcis/events", Access.roles(Role.QA));
        expected.put("GET /api/v1/fsma204", Access.roles(Role.QA));
        expected.put("GET /api/v1/lots/:id/source-destination", Access.roles(Role.QA));
        // stock and the early warning of unsold produce (issue 9 §5): every role of operations reads them
        expected.putAll(Map.of(
                "GET /api/v1/stock", readers,
                "GET /api/v1/stock/warnings", readers,
                "GET /api/v1/stock/lots/:id/buyers", readers,
                "GET /stock", readers));
        // quality tests (issue 9 §3): operators and QA record them and their evidence, QA releases a hold, all read
        expected.putAll(Map.of(
                "POST /api/v1/quality-tests", responders,
                "GET /api/v1/quality-tests", readers,
                "GET /api/v1/quality-tests/:id", readers,
                "POST /api/v1/quality-tests/:id/release", Access.roles(Role.QA),
                "POST /api/v1/quality-tests/:id/evidence", responders,
                "GET /api/v1/quality-tests/:id/evidence", readers,
                "GET /api/v1/quality-tests/:id/evidence/:file", readers));
        // consumption assistance (issue 9 §1): divisions are reference data every person reads, admins import them;
        // a buyer organisation's admins declare its programmes, its operators and QA read them
        expected.putAll(Map.of(
                "POST /api/v1/divisions/import", admins,
                "GET /api/v1/divisions", people,
                "GET /api/v1/divisions/changes", people,
                "POST /api/v1/programmes", admins,
                "GET /api/v1/programmes", responders,
                "GET /api/v1/programmes/:id", responders,
                "PUT /api/v1/programmes/:id", admins));
        // certified assistance products and the blacklist (issue 9 §2, §3): producers apply, authorities decide,
        // re-check and blacklist within their region, both read (an authority by region)
        Access assistanceReaders = Access.roles(Role.OPERATOR, Role.QA, Role.AUTHORITY);
        Access authority = Access.roles(Role.AUTHORITY);
        expected.putAll(Map.ofEntries(
                Map.entry("POST /api/v1/assistance/applications", responders),
                Map.entry("GET /api/v1/assistance/applications", assistanceReaders),
                Map.entry("GET /api/v1/assistance/applications/:id", assistanceReaders),
                Map.entry("POST /api/v1/assistance/applications/:id/decision", authority),
                Map.entry("POST /api/v1/assistance/applications/:id/rechecks", authority),
                Map.entry("POST /api/v1/assistance/applications/:id/evidence", responders),
                Map.entry("GET /api/v1/assistance/applications/:id/evidence/:file", assistanceReaders),
                Map.entry("GET /api/v1/assistance/expiring", assistanceReaders),
                Map.entry("POST /api/v1/blacklist", authority),
                Map.entry("GET /api/v1/blacklist", assistanceReaders),
                Map.entry("GET /api/v1/blacklist/:id", assistanceReaders),
                Map.entry("POST /api/v1/blacklist/:id/lift", authority),
                Map.entry("POST /api/v1/blacklist/:id/evidence", authority),
                Map.entry("GET /api/v1/blacklist/:id/evidence/:file", assistanceReaders)));
        // public: each says why anyone may call it
        assertThat(declared.entrySet().stream().filter(e -> e.getValue().kind() == Access.Kind.PUBLIC))
                .allSatisfy(e -> assertThat(e.getValue().why()).as("why %s is public", e.getKey()).isNotBlank())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("POST /api/v1/session", "POST /api/v1/session/logout", "GET /login",
                        "GET /assets/*", "GET /vendor/uplot/*", "GET /t/:code",
                        // a trace code's QR image and GS1 Digital Link resolution (issue 7 §4)
                        "GET /t/:code/qr.svg", "GET /t/:code/qr.png", "GET /01/:gtin/10/:lot", "GET /01/:gtin",
                        // the resolver's description and the gs1:recallStatus answer (issue 8 §5)
                        "GET /.well-known/gs1resolver", "GET /t/:code/recall.json",
                        // the published list of certified assistance products and its QR (issue 9 §2)
                        "GET /assistance-products", "GET /assistance-products.json",
                        "GET /assistance-products/qr.svg", "GET /assistance-products/qr.png");
        declared.entrySet().removeIf(e -> e.getValue().kind() == Access.Kind.PUBLIC);
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aRouteWithoutAnAccessDeclarationIsRefused() {
        RouteTable table = new RouteTable(vertx, (ctx, access) -> null);
        assertThatThrownBy(() -> table.add(HttpMethod.GET, "/x", null, ctx -> null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("GET /x must declare its access");
    }

    @Test
    void accessRulesLetAdminsEverywhereAndOthersOnlyWhereNamed() {
        Access qa = Access.roles(Role.QA);
        assertThat(qa.allows(Role.ADMIN)).isTrue();
        assertThat(qa.allows(Role.QA)).isTrue();
        assertThat(qa.allows(Role.OPERATOR)).isFalse();
        assertThat(Access.probe().allows(Role.ADMIN)).as("probes need no role at all").isFalse();
        assertThatThrownBy(() -> new Access(Access.Kind.ROLES, java.util.Set.of()))
                .hasMessageContaining("at least one role");
        assertThatThrownBy(() -> new Access(Access.Kind.PROBE, java.util.Set.of(Role.QA)))
                .hasMessageContaining("takes no roles");
        assertThatThrownBy(() -> Access.publicAccess(" ")).hasMessageContaining("say why");
        assertThatThrownBy(() -> new Access(Access.Kind.ROLES, java.util.Set.of(Role.QA), "because"))
                .hasMessageContaining("only PUBLIC");
    }
}
