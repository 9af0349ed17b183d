package io.coldtrace.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.ApiConfig;
import io.coldtrace.api.ApiRoutes;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.auth.Tokens;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.api.work.CpuWork;
import io.coldtrace.core.config.Env;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The access table: every declared route, called by every kind of caller (each role in the target's organisation and
 * in another one, an admin of no organisation, no token, a revoked token, the metrics scraper), answers as its
 * declaration says: 2xx where allowed, 404 (a path naming another organisation's row) or 422 (a body naming one)
 * across organisations, lists without the other organisation's rows, 403 for a role the route does not name, 401
 * (pages: a redirect to the login) without valid credentials. A new route joins by being declared: its access from
 * its registration, its sample request from {@link RouteTable.Example}. A non-admin token without an organisation
 * cannot exist (CreateTokenIT proves the command and the schema refuse it), so it has no row here.
 */
class AccessTableIT {
    private static final String TARGET = "acme";
    private static final String OTHER = "rival";

    private static TestApi api;
    private static AccessCalls calls;
    private static AccessWorld world;
    private static Map<String, String> shared;
    private static String targetToken;

    @BeforeAll
    static void start() {
        api = TestApi.start("access-table");
        calls = new AccessCalls(api);
        world = new AccessWorld(api);
        targetToken = world.org(TARGET);
        world.fixtures(OTHER, world.org(OTHER));
        shared = world.fixtures(TARGET, targetToken);
    }

    @AfterAll
    static void stop() throws Exception {
        calls.close();
        api.close();
    }

    @TestFactory
    Stream<DynamicTest> everyDeclaredRouteAnswersEveryCallerAsDeclared() {
        List<Route> routes = declaredRoutes();
        assertThat(routes).as("routes found through the features").hasSizeGreaterThan(40);
        List<Caller> callers = callers();
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes) {
            for (Caller caller : callers) {
                tests.add(DynamicTest.dynamicTest(route.getName() + " as " + caller.label(),
                        () -> check(route, caller)));
            }
        }
        return tests.stream();
    }

    private static void check(Route route, Caller caller) {
        Access access = (Access) route.metadata().get(RouteTable.ACCESS);
        HttpMethod method = route.methods().iterator().next();
        // a route that changes state gets fixtures of its own, so every caller finds them as new
        Map<String, String> target = method == HttpMethod.GET ? shared : world.fixtures(TARGET, targetToken);
        AccessCalls.Request request = AccessCalls.request(route, target);
        Expected expected = Expected.of(access, caller, request, route.getPath(), TARGET);
        AccessCalls.Response r = calls.send(method, request, caller.credentials());
        String what = route.getName() + " as " + caller.label() + " -> " + r.status() + " " + r.body();
        boolean page = r.page();
        switch (expected) {
            case OK -> assertThat(page ? r.status() == 200 || r.redirectedElsewhere() : r.status() / 100 == 2)
                    .as("allowed: " + what).isTrue();
            case OK_WITHOUT_OTHERS_ROWS -> {
                if (page) {
                    assertThat(r.status() == 200 || r.redirectedElsewhere()).as("allowed: " + what).isTrue();
                    return;
                }
                assertThat(r.status()).as("allowed: " + what).isBetween(200, 299);
                assertThat(r.body()).as("another organisation's rows leak: " + what)
                        .doesNotContain(AccessWorld.owned(shared).toArray(String[]::new));
            }
            case NOT_FOUND -> assertThat(r.status())
                    .as("another organisation's row, or a public route naming nothing: " + what).isEqualTo(404);
            case INVALID -> assertThat(r.status()).as("a body naming another organisation: " + what).isEqualTo(422);
            case FORBIDDEN -> assertThat(r.status()).as("a role the route does not name: " + what).isEqualTo(403);
            case UNAUTHORIZED -> {
                if (page) {
                    assertThat(r.redirectedToLogin()).as("a page without valid credentials: " + what).isTrue();
                } else {
                    assertThat(r.status()).as("without valid credentials: " + what).isEqualTo(401);
                }
            }
        }
    }

    /** Who calls: each role in the target organisation and in another, an unscoped admin, and the credential-less. */
    private static List<Caller> callers() {
        List<Caller> out = new ArrayList<>();
        for (Role role : Role.values()) {
            out.add(new Caller(role.label() + " of the row's organisation", role, TARGET,
                    api.token(role, TARGET)));
            out.add(new Caller(role.label() + " of another organisation", role, OTHER, api.token(role, OTHER)));
        }
        out.add(new Caller("admin of no organisation", Role.ADMIN, null, api.token(Role.ADMIN)));
        out.add(new Caller("no token", null, null, null));
        String revoked = api.token(Role.OPERATOR, TARGET);
        api.sql("UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", Tokens.hash(revoked));
        out.add(new Caller("a revoked operator token", null, null, revoked));
        out.add(new Caller("the metrics scraper", null, null, TestApi.METRICS_TOKEN));
        return out;
    }

    /** The routes the features declare, read from a route table built without a database. */
    private static List<Route> declaredRoutes() {
        ApiConfig cfg = ApiConfig.from(new Env(Map.of()));
        BlockingDb db = new BlockingDb(api.running().vertx(), new PGSimpleDataSource(), 1);
        RouteTable table = ApiRoutes.build(new FeatureContext(api.running().vertx(), cfg, db,
                CpuWork.forMachine(api.running().vertx()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC()));
        return table.router().getRoutes().stream().filter(r -> r.getName() != null)
                .sorted(Comparator.comparing(Route::getName)).toList();
    }

    /** A caller: its role and organisation (null role = no API token of any role). */
    record Caller(String label, Role role, String org, String credentials) {
    }

    /** What a route must answer a caller. */
    enum Expected {
        OK, OK_WITHOUT_OTHERS_ROWS, NOT_FOUND, INVALID, FORBIDDEN, UNAUTHORIZED;

        /**
         * Public routes that exist to say why a request names nothing: a GS1 product link, or one with the lot in its
         * query string (domain.md §2), is a 404 with its reason for everyone.
         */
        static final java.util.Set<String> REFUSED_TO_ALL = java.util.Set.of("/01/:gtin");
        /** Routes where an authority reads and acts on the rows of its region, whichever organisation's. */
        static final List<String> BY_REGION = List.of("/api/v1/assistance/", "/api/v1/blacklist");

        static Expected of(Access access, Caller caller, AccessCalls.Request request, String path, String target) {
            boolean metricsScraper = TestApi.METRICS_TOKEN.equals(caller.credentials());
            return switch (access.kind()) {
                case PUBLIC -> REFUSED_TO_ALL.contains(path) ? NOT_FOUND : OK;
                case PROBE -> OK;
                case METRICS -> metricsScraper ? OK : UNAUTHORIZED;
                case ROLES -> {
                    if (caller.role() == null) {
                        yield UNAUTHORIZED;
                    }
                    if (!access.allows(caller.role())) {
                        yield FORBIDDEN;
                    }
                    if (caller.org() == null || caller.org().equals(target)) {
                        yield OK;
                    }
                    // an authority acts by region, not organisation: the fixtures are in the county it governs
                    if (caller.role() == Role.AUTHORITY && BY_REGION.stream().anyMatch(path::startsWith)) {
                        yield OK;
                    }
                    if (path.contains(":")) {
                        yield NOT_FOUND;
                    }
                    yield request.namesFixtures() ? INVALID : OK_WITHOUT_OTHERS_ROWS;
                }
            };
        }
    }
}
