package io.coldtrace.api.access;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures of one organisation for the access table, written through {@link Seeds}: a site, a limit profile, a unit,
 * a device bound to it, an unclaimed device, an alarm that has cleared, a webhook, a user, and master data (a
 * farm, a product, a plot of the farm, a certification of the farm), an event of the ledger, a buyer, a recall
 * drill whose scope names the event's lot and the buyer, an EPCIS capture job (captured through its route) and a
 * consumption-assistance programme;
 * fresh ids on every call,
 * so a route that changes or deletes what it is given always finds it as new.
 */
final class AccessWorld {
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** The GTIN of every fixture product (domain.md §2's valid GTIN-14 vector). */
    static final String GTIN = "09520123456788";

    private final Seeds seeds;
    private final TestApi api;
    private final Map<String, String> qa = new java.util.HashMap<>();

    AccessWorld(TestApi api) {
        this.seeds = api.seeds();
        this.api = api;
    }

    /** A capture job of {@code org}: an empty EPCIS document captured through the route, as QA; its id. */
    private String capture(String org) {
        String token = qa.computeIfAbsent(org, o -> seeds.token(Role.QA, o).secret());
        var r = api.http().send(io.vertx.core.http.HttpMethod.POST, "/epcis/capture", token, """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-03-01T00:00:00Z",
                 "epcisBody": {"eventList": []}}""");
        if (r.statusCode() != 202) {
            throw new IllegalStateException("capture fixture: " + r.statusCode() + " " + r.bodyAsString());
        }
        return r.getHeader("location").substring("/epcis/capture/".length());
    }

    /** Creates the organisation itself (once) and returns an operator token of it, for {@code {token}}. */
    String org(String org) {
        seeds.org(org, org + " Ltd");
        return seeds.token(Role.OPERATOR, org).secret();
    }

    /** New fixtures of {@code org}; the map holds each placeholder's value (see RouteTable.Example). */
    Map<String, String> fixtures(String org, String token) {
        int seq = SEQ.incrementAndGet();
        String n = org + "-" + seq;
        Instant now = Instant.now();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("org", org);
        f.put("site", seeds.site(n + "-s", org, n + " store", "origin_cold_store", "Asia/Shanghai").id());
        f.put("profile", seeds.profile(n + "-p", org, "chilled", "air", null, null, 5.0, null).id());
        f.put("unit", seeds.unit(n + "-u", f.get("site"), "cold_room", n + " room", "chilled", f.get("profile")).id());
        Seeds.Device bound = seeds.device(n + "-d", f.get("site"));
        seeds.bind(bound, f.get("unit"), now.minus(Duration.ofDays(1)), null);
        f.put("device", bound.extId());
        f.put("free-device", seeds.device(n + "-f", f.get("site")).extId());
        f.put("alarm", Long.toString(seeds.alarm(f.get("unit"), "high", "warning", now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1))).id()));
        f.put("webhook", Long.toString(seeds.webhook(org, "http://127.0.0.1:9/hook", "0123456789abcdef").id()));
        f.put("user", seeds.user(n + "-user", org, "Zhang San", Role.OPERATOR).id());
        f.put("party", seeds.party(n + "-party", org, "farm", "500238").id());
        f.put("product", seeds.product(n + "-product", org, "kiwifruit", 0.0, 14.0, 3.0).id());
        f.put("plot", seeds.plot(n + "-plot", org, f.get("party"), 2.5).id());
        f.put("certification", seeds.certification(n + "-cert", org, f.get("party"), null, "organic",
                java.time.LocalDate.now().minusDays(1), java.time.LocalDate.now().plusYears(1)).id());
        f.put("evidence", Long.toString(seeds.evidence(f.get("certification"), org, "certificate.pdf",
                "application/pdf", "%PDF-1.4 certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).id()));
        seeds.event(org, n + "-harvest", "harvest", null, null, f.get("plot"), f.get("party"),
                now.minus(Duration.ofHours(2)), "{\"batch\": \"" + n + "-batch\", \"commodity\": \"kiwifruit\", "
                        + "\"quantity\": 500, \"uom\": \"kg\", \"grower\": {\"name\": \"Li Si\"}}");
        f.put("event", seeds.event(org, n + "-event", "pack", f.get("site"), f.get("unit"), null, null,
                now.minus(Duration.ofHours(1)), "{\"inputs\": [{\"lot\": \"" + n + "-batch\", \"quantity\": 100, "
                        + "\"uom\": \"kg\"}], \"outputs\": [{\"lot\": \"" + n + "-lot\", \"product_id\": \""
                        + f.get("product") + "\", \"quantity\": 100, \"uom\": \"box\"}]}").id().toString());
        f.put("lot-code", n + "-lot");
        f.put("lot", seeds.lotId(org, n + "-lot"));
        f.put("trace-code", seeds.traceCode(f.get("lot")));
        f.put("buyer", seeds.party(n + "-buyer", org, "buyer", "500103").id());
        f.put("recall", seeds.recallDrill(org, f.get("lot"), f.get("lot-code"), f.get("buyer")));
        f.put("quality-test", seeds.qualityTest(org, f.get("lot")));
        f.put("quality-test-evidence", Long.toString(seeds.qualityTestEvidence(org, f.get("quality-test"))));
        // every fixture product has this GTIN: a Digital Link names one lot by it and the (unique) lot code
        f.put("gtin", seeds.gtin(f.get("product"), GTIN));
        // an organisation to grant traces to, and a grant of this one to another
        f.put("grantee-org", seeds.org(n + "-ge", n + " grantee").id());
        f.put("trace-grant", seeds.traceGrant(org, seeds.org(n + "-gr", n + " granted").id()));
        // a programme in a year of its own, and a year no programme of the organisation covers (one per fixture set,
        // so programmes the table's calls create never overlap)
        int year = 2100 + 2 * seq;
        f.put("programme-year", Integer.toString(year));
        f.put("free-year", Integer.toString(year + 1));
        f.put("programme", seeds.programme(n + "-programme", org, year));
        // consumption assistance: an undecided application, a certificate, a blacklisted party (its own, so the
        // fixtures' party stays receivable and certifiable) and evidence files
        // (of a product of their own: the POST example applies for the fixtures' product)
        String assisted = seeds.product(n + "-assisted", org, "kiwifruit", 0.0, 14.0, 3.0).id();
        f.put("application", seeds.assistanceApplication(org, f.get("party"), assisted, null));
        f.put("application-evidence", Long.toString(seeds.assistanceEvidence(f.get("application"), null)));
        f.put("certified-application", seeds.assistanceApplication(org, f.get("party"), assisted,
                "AP-" + n));
        f.put("blacklist-party", seeds.party(n + "-blp", org, "farm", "500238").id());
        f.put("blacklist-entry", seeds.blacklistEntry(org, f.get("blacklist-party")));
        f.put("blacklist-evidence", Long.toString(seeds.assistanceEvidence(null, f.get("blacklist-entry"))));
        f.put("new", n + "-new");
        f.put("token", token);
        // half an hour ago: after the fixture lot was packed, before now
        f.put("recent", now.minus(Duration.ofMinutes(30)).toString());
        f.put("capture", capture(org));
        return f;
    }

    /** The fixtures' ids that belong to the organisation (and so must never show in another's lists). */
    static List<String> owned(Map<String, String> f) {
        return List.of(f.get("site"), f.get("profile"), f.get("unit"), f.get("device"), f.get("user"),
                f.get("party"), f.get("product"), f.get("plot"), f.get("certification"), f.get("event"), f.get("lot"),
                f.get("recall"), f.get("trace-grant"), f.get("capture"), f.get("quality-test"), f.get("programme"),
                f.get("application"), f.get("certified-application"), f.get("blacklist-entry"));
    }
}
