package io.coldtrace.api.testing;

import io.coldtrace.api.alarms.AlarmQueries;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.auth.TokenQueries;
import io.coldtrace.api.auth.Tokens;
import io.coldtrace.api.bindings.BindingQueries;
import io.coldtrace.api.certifications.Certification;
import io.coldtrace.api.certifications.CertificationQueries;
import io.coldtrace.api.certifications.Evidence;
import io.coldtrace.api.certifications.EvidenceQueries;
import io.coldtrace.api.certifications.EvidenceRow;
import io.coldtrace.api.db.Sql;
import io.coldtrace.api.events.EventLedger;
import io.coldtrace.api.events.EventRow;
import io.coldtrace.api.events.NewEvent;
import io.coldtrace.api.orgs.NewOrg;
import io.coldtrace.api.orgs.OrgQueries;
import io.coldtrace.api.parties.Party;
import io.coldtrace.api.parties.PartyQueries;
import io.coldtrace.api.plots.Plot;
import io.coldtrace.api.plots.PlotQueries;
import io.coldtrace.api.products.Product;
import io.coldtrace.api.products.ProductQueries;
import io.coldtrace.api.profiles.LimitProfile;
import io.coldtrace.api.profiles.ProfileQueries;
import io.coldtrace.api.sites.Site;
import io.coldtrace.api.sites.SiteQueries;
import io.coldtrace.api.units.Unit;
import io.coldtrace.api.units.UnitQueries;
import io.coldtrace.api.users.NewUser;
import io.coldtrace.api.users.UserQueries;
import io.coldtrace.api.users.UserRow;
import io.coldtrace.api.webhooks.NewWebhook;
import io.coldtrace.api.webhooks.WebhookQueries;
import io.coldtrace.api.webhooks.WebhookRow;
import io.coldtrace.core.config.DbConfig;
import io.coldtrace.core.ids.DivisionCode;
import io.coldtrace.core.ids.DivisionNames;
import io.coldtrace.core.telemetry.Reading;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Typed test data written through the production code: master data through the API's query classes, devices and
 * readings through ingest's write path ({@link Ingested}), tokens through TokenQueries, resolutions through
 * AlarmQueries. What no production code does (an alarm at a chosen time, a device gone silent an hour ago) is SQL
 * with bound parameters. One plain connection for its lifetime: no pool, no migrations. Each method that stores
 * something returns it.
 */
public final class Seeds implements AutoCloseable {
    /** A device as ingest registered it: {@code id} is device.id. */
    public record Device(int id, String extId, String siteHint) {
    }

    /** A stored alarm; {@code clearedAt} is null while its condition lasts. */
    public record Alarm(long id, String unitId, String rule, String severity, Instant startedAt, Instant clearedAt) {
    }

    /** A minted token: {@code secret} is what a caller sends, {@code id} is api_token.id. */
    public record Token(String secret, long id, Role role, String orgId) {
    }

    // ingest raises alarms only by evaluating readings, which cannot place one at a chosen time; the event is the
    // one ingest writes with each alarm it raises
    private static final Sql ALARM = Sql.of("""
            INSERT INTO alarm (unit_id, device_id, rule, severity, started_at, raised_at, cleared_at, limit_value,
                               peak_value, message)
            VALUES (:unit, :device, :rule, :severity, :started, :raised, :cleared, :limit, :peak, :message)
            RETURNING id""");
    private static final Sql ALARM_RAISED = Sql.of("""
            INSERT INTO alarm_event (alarm_id, actor, action) VALUES (:alarm, 'ingest', 'raised')""");
    private static final Sql OPEN_BINDING = Sql.of(
            "SELECT id FROM device_binding WHERE device_id = :device AND upper_inf(valid)");

    private final DbConfig db;
    private Connection conn;
    private Ingested ingest;

    public Seeds(DbConfig db) {
        this.db = db;
    }

    public NewOrg org(String id, String name) {
        NewOrg org = new NewOrg(id, name);
        run(c -> OrgQueries.insert(c, org));
        return org;
    }

    public Site site(String id, String org, String name, String kind, String timezone) {
        Site site = new Site(id, org, name, kind, timezone, null, null, null, null, null);
        run(c -> SiteQueries.insert(c, site));
        return site;
    }

    /**
     * A profile with the given limits (null = that rule off; listed from the lowest to the highest), every other
     * field at the default the API gives a profile created without it.
     */
    public LimitProfile profile(String id, String org, String name, String probe, Double lowCrit, Double lowWarn,
                                Double highWarn, Double highCrit) {
        return profile(id, org, name, probe, lowCrit, lowWarn, highWarn, highCrit, null);
    }

    /** As above, with the door rule on: it fires once the door has been open {@code doorOpenMaxS} seconds. */
    public LimitProfile profile(String id, String org, String name, String probe, Double lowCrit, Double lowWarn,
                                Double highWarn, Double highCrit, Integer doorOpenMaxS) {
        LimitProfile p = new LimitProfile(id, org, name, probe, highWarn, highCrit, lowWarn, lowCrit, 900, 300,
                "single", 0.5, 300, doorOpenMaxS, null, true, true, 2700, null, null, null);
        run(c -> ProfileQueries.insert(c, p));
        return p;
    }

    public Unit unit(String id, String site, String kind, String name, String tempClass, String profile) {
        Unit unit = new Unit(id, site, kind, name, tempClass, profile, null);
        run(c -> {
            UnitQueries.insert(c, unit);
            return null;
        });
        return unit;
    }

    /** A device registered as ingest registers one it hears from for the first time. */
    public Device device(String extId, String siteHint) {
        return ingested().register(extId, siteHint);
    }

    /** A device that has also said it is online and reports every {@code reportIntervalS} seconds. */
    public Device device(String extId, String siteHint, int reportIntervalS) {
        Device d = device(extId, siteHint);
        ingested().online(d, reportIntervalS);
        return d;
    }

    /** Binds the device to the unit from {@code from} to {@code to} (null = still bound); returns the binding id. */
    public long bind(Device device, String unit, Instant from, Instant to) {
        return run(c -> {
            BindingQueries.open(c, device.id(), unit, from);
            long id = OPEN_BINDING.bind("device", device.id()).first(c, rs -> rs.getLong(1)).orElseThrow();
            if (to != null) {
                BindingQueries.close(c, id, to);
            }
            return id;
        });
    }

    /** Stores readings as ingest does (telemetry, rollups, latest value, device accounting); returns the new ones. */
    public int readings(Device device, List<Reading> readings) {
        return ingested().write(device, readings);
    }

    /**
     * Stores one message numbered {@code seq} as ingest does, for tests of sequence accounting ({@link #readings}
     * numbers each reading by its epoch second); returns the new readings.
     */
    public int message(Device device, long seq, Reading... readings) {
        return ingested().message(device, seq, List.of(readings));
    }

    /** As if the device had gone silent {@code ago}: ingest last heard from it, and stored its latest value, then. */
    public void silentFor(Device device, Duration ago) {
        ingested().silentFor(device, ago);
    }

    /** The instants from {@code from} (inclusive) to {@code to} (exclusive), {@code step} apart. */
    public static Stream<Instant> every(Instant from, Instant to, Duration step) {
        return Stream.iterate(from, t -> t.isBefore(to), t -> t.plus(step));
    }

    /** A cold-room reading: the door opens at minute 0 of each hour, the evaporator defrosts 05:00–05:19 UTC. */
    public static Reading coldRoom(Instant ts, double airC) {
        ZonedDateTime t = ts.atZone(ZoneOffset.UTC);
        return Reading.at(ts).air(airC).door(t.getMinute() == 0).defrost(t.getHour() == 5 && t.getMinute() < 20)
                .build();
    }

    /** An alarm of no particular device raised when it started, limit 8 °C, peak 9.5 °C. */
    public Alarm alarm(String unit, String rule, String severity, Instant started, Instant cleared) {
        return alarm(unit, null, rule, severity, started, started, cleared, 8.0, 9.5,
                rule + " " + severity + " on " + unit);
    }

    /** An alarm with the 'raised' event ingest writes with it. */
    public Alarm alarm(String unit, Device device, String rule, String severity, Instant started, Instant raised,
                       Instant cleared, Double limit, Double peak, String message) {
        Alarm alarm = alarmWithoutEvents(unit, device, rule, severity, started, raised, cleared, limit, peak, message);
        run(c -> ALARM_RAISED.bind("alarm", alarm.id()).update(c));
        return alarm;
    }

    /** The alarm alone, without the 'raised' event: for tests that count the events people add from none. */
    public Alarm alarmWithoutEvents(String unit, Device device, String rule, String severity, Instant started,
                                    Instant raised, Instant cleared, Double limit, Double peak, String message) {
        long id = run(c -> ALARM.bind("unit", unit).bind("device", device == null ? null : device.id())
                .bind("rule", rule).bind("severity", severity).bind("started", started).bind("raised", raised)
                .bind("cleared", cleared).bind("limit", limit).bind("peak", peak).bind("message", message)
                .first(c, rs -> rs.getLong(1)).orElseThrow());
        return new Alarm(id, unit, rule, severity, started, cleared);
    }

    /** Resolved now by {@code actor}, as the resolve route does it (with its event). */
    public void resolve(Alarm alarm, String actor, String comment) {
        run(c -> {
            AlarmQueries.resolve(c, alarm.id(), actor, comment);
            return null;
        });
    }

    /**
     * A party of {@code kind} (buyers are supermarkets) in the division {@code divisionCode} (named by its province,
     * from the bundled GB/T 2260 table), without USCC or GLN.
     */
    public Party party(String id, String org, String kind, String divisionCode) {
        String province = DivisionNames.bundled().name(new DivisionCode(divisionCode).province()).orElseThrow();
        Party party = new Party(id, org, kind, kind.equals("buyer") ? "supermarket" : null, id + " 名称", null,
                divisionCode, province, null, null, false, false, null, null);
        run(c -> PartyQueries.insert(c, party));
        return party;
    }

    /** A chilled product sold by the box, {@code days} of shelf life at {@code refC} with {@code q10}, no GTIN. */
    public Product product(String id, String org, String commodity, double refC, double days, double q10) {
        Product product = new Product(id, org, commodity + " 中文", commodity, commodity, null, null, "box", "chilled",
                refC, days, q10, null);
        run(c -> ProductQueries.insert(c, product));
        return product;
    }

    /** A plot of {@code areaHa} hectares of the farm or cooperative {@code party}, without GLN. */
    public Plot plot(String id, String org, String party, double areaHa) {
        Plot plot = new Plot(id, org, party, "plot " + id, 31.4, 109.6, areaHa, null);
        run(c -> PlotQueries.insert(c, plot));
        return plot;
    }

    /** A certification of {@code party} or {@code product} (the other null), numbered after its id. */
    public Certification certification(String id, String org, String party, String product, String kind,
                                       LocalDate from, LocalDate to) {
        Certification cert = new Certification(id, org, party, product, kind, "No. " + id, "issuer", from, to,
                null);
        run(c -> CertificationQueries.insert(c, cert, LocalDate.now()));
        return cert;
    }

    /** An evidence file of certification {@code cert} of {@code org}, stored as the upload route stores one. */
    public EvidenceRow evidence(String cert, String org, String filename, String contentType, byte[] content) {
        return run(c -> EvidenceQueries.insert(c, cert, org, Evidence.of(filename, contentType, content), "seeds"));
    }

    /**
     * An event of the ledger with its {@code body} (JSON text), appended through the API's write path (its own
     * transaction, the chain locked, the lot projections applied).
     */
    public EventRow event(String org, String clientEventId, String type, String site, String unit, String plot,
                          String party, Instant at, String body) {
        NewEvent event = new NewEvent(org, clientEventId, type, at, "+08:00", site, unit, plot, party, body, null,
                null);
        return run(c -> {
            c.setAutoCommit(false);
            try {
                EventRow row = EventLedger.append(c, event, "seeds", Instant.now()).event();
                c.commit();
                return row;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** The id of the lot {@code code} of {@code org} (born by an event appended with {@link #event}). */
    public String lotId(String org, String code) {
        return run(c -> {
            try (var ps = c.prepareStatement("SELECT id FROM lot WHERE org_id = ? AND code = ?")) {
                ps.setString(1, org);
                ps.setString(2, code);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no lot " + code + " of " + org);
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    /**
     * A recall drill of {@code org} whose frozen scope is lot {@code lotId} (100 box) delivered to {@code buyer}; its
     * id. For fixtures of the routes that read and act on cases (RecallIT opens cases through the API).
     */
    /** A failed rapid residue test of lot {@code lotId} (it holds the lot); its id. */
    public String qualityTest(String org, String lotId) {
        String id = java.util.UUID.randomUUID().toString();
        return run(c -> {
            try (var ps = c.prepareStatement("""
                    INSERT INTO quality_test (id, org_id, lot_id, kind, analyte, value, value_unit, limit_value, result,
                        lab, tested_at, recorded_by, recorded_at)
                    VALUES (?::uuid, ?, ?::uuid, 'rapid', 'organophosphates', 72, '% inhibition', 50, 'fail',
                        'fixture station', now(), 'seeds', now())""")) {
                ps.setString(1, id);
                ps.setString(2, org);
                ps.setString(3, lotId);
                ps.execute();
            }
            return id;
        });
    }

    /** A PDF evidence file of quality test {@code testId}; its id. */
    public long qualityTestEvidence(String org, String testId) {
        return run(c -> {
            try (var ps = c.prepareStatement("""
                    INSERT INTO quality_test_evidence (test_id, org_id, filename, content_type, size_bytes, sha256,
                        content, uploaded_by)
                    VALUES (?::uuid, ?, 'report.pdf', 'application/pdf', 8, repeat('0', 64), '%PDF-1.4', 'seeds')
                    RETURNING id""")) {
                ps.setString(1, testId);
                ps.setString(2, org);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** One statement with {@code params}, returning the first column of its first row as text. */
    private String returning(String sql, Object... params) {
        return run(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /**
     * An assistance-product application of {@code org} for {@code product} by {@code party} (of county 500238), and,
     * when {@code certificate} is given, its certificate (valid from yesterday for a year, by the Wuxi authority);
     * its id.
     */
    public String assistanceApplication(String org, String party, String product, String certificate) {
        String id = returning("""
                INSERT INTO assistance_application (id, org_id, product_id, party_id, division_code, applied_by,
                    applied_at)
                SELECT gen_random_uuid(), ?, ?, ?, p.division_code, 'seeds', now() FROM party p WHERE p.id = ?
                RETURNING id""", org, product, party, party);
        if (certificate != null) {
            returning("""
                    INSERT INTO assistance_decision (application_id, outcome, certificate_number, valid_from, valid_to,
                        issuer, issuer_region, decided_by, decided_at)
                    VALUES (?::uuid, 'certified', ?, current_date - 1, current_date + 365, 'fixture authority',
                        '500238', 'seeds', now()) RETURNING application_id""", id, certificate);
        }
        return id;
    }

    /** A PDF evidence file of an application (or, with {@code entry}, of a blacklist entry); its id. */
    public long assistanceEvidence(String application, String entry) {
        return Long.parseLong(returning("""
                INSERT INTO assistance_evidence (application_id, entry_id, filename, content_type, size_bytes, sha256,
                    content, uploaded_by)
                VALUES (?::uuid, ?::uuid, 'evidence.pdf', 'application/pdf', 8, repeat('0', 64), '%PDF-1.4', 'seeds')
                RETURNING id""", application, entry));
    }

    /** A blacklist entry in force on {@code party} of {@code org}, by the Wuxi authority; its id. */
    public String blacklistEntry(String org, String party) {
        return returning("""
                INSERT INTO blacklist_entry (id, org_id, party_id, uscc, division_code, reason, valid_from, authority,
                    authority_region, entered_by, entered_at)
                SELECT gen_random_uuid(), ?, p.id, p.uscc, p.division_code, 'fixture reason', current_date,
                    'fixture authority', '500238', 'seeds', now() FROM party p WHERE p.id = ?
                RETURNING id""", org, party);
    }

    public String recallDrill(String org, String lotId, String lotCode, String buyer) {
        String id = java.util.UUID.randomUUID().toString();
        String scope = ("{\"seeds\": {\"lots\": [\"%2$s\"]}, \"lots\": [{\"lot_id\": \"%1$s\", \"code\": \"%2$s\", "
                + "\"kind\": \"lot\", \"seed\": true, \"depth\": 0, \"quantity\": 100, \"uom\": \"box\"}], "
                + "\"buyers\": [{\"party_id\": \"%3$s\", \"kind\": \"buyer\", \"lots\": [{\"lot_id\": \"%1$s\", "
                + "\"code\": \"%2$s\", \"quantity\": 100, \"uom\": \"box\", \"shipped\": 0, \"delivered\": 100}]}], "
                + "\"other_recipients\": []}").formatted(lotId, lotCode, buyer);
        return run(c -> {
            try (var ps = c.prepareStatement("""
                    INSERT INTO recall_case (id, org_id, kind, reason, seeds, opened_by, opened_at, scope,
                        scope_sha256, scope_computed_at, status, status_at)
                    VALUES (?::uuid, ?, 'drill', 'fixture', '{}', 'seeds', now(), ?::jsonb, repeat('0', 64), now(),
                        'open', now());
                    INSERT INTO recall_case_lot (case_id, lot_id, seed, depth, quantity, uom, on_hold)
                    VALUES (?::uuid, ?::uuid, true, 0, 100, 'box', false)""")) {
                ps.setString(1, id);
                ps.setString(2, org);
                ps.setString(3, scope);
                ps.setString(4, id);
                ps.setString(5, lotId);
                ps.execute();
            }
            return id;
        });
    }

    /** A trace grant in force of {@code grantor} to {@code grantee} (V9_20); returns its id. */
    public String traceGrant(String grantor, String grantee) {
        String id = java.util.UUID.randomUUID().toString();
        return run(c -> {
            try (var ps = c.prepareStatement("""
                    INSERT INTO trace_grant (id, grantor_org, grantee_org, granted_by, granted_at)
                    VALUES (?::uuid, ?, ?, 'seeds', now())""")) {
                ps.setString(1, id);
                ps.setString(2, grantor);
                ps.setString(3, grantee);
                ps.execute();
            }
            return id;
        });
    }

    /**
     * A programme {@code id} of {@code org} (version 1, by 'seeds'): 30 % for calendar year {@code year}, supporting
     * 巫山县 500237 and 遵义市 520300.
     */
    public String programme(String id, String org, int year) {
        return run(c -> {
            try (var p = c.prepareStatement("INSERT INTO programme (id, org_id) VALUES (?, ?)");
                 var v = c.prepareStatement("""
                         INSERT INTO programme_version (programme_id, version, name, target_pct, period_start,
                                                        period_end, recorded_by)
                         VALUES (?, 1, ?, 30, make_date(?, 1, 1), make_date(?, 12, 31), 'seeds')""");
                 var r = c.prepareStatement("""
                         INSERT INTO programme_region (programme_id, version, division_code)
                         VALUES (?, 1, '500237'), (?, 1, '520300')""")) {
                p.setString(1, id);
                p.setString(2, org);
                p.execute();
                v.setString(1, id);
                v.setString(2, id + " " + year);
                v.setInt(3, year);
                v.setInt(4, year);
                v.execute();
                r.setString(1, id);
                r.setString(2, id);
                r.execute();
            }
            return id;
        });
    }

    /** The trace code of lot {@code lotId} as stored (17 characters, no groups). */
    public String traceCode(String lotId) {
        return run(c -> {
            try (var ps = c.prepareStatement("SELECT trace_code FROM lot WHERE id = ?::uuid")) {
                ps.setString(1, lotId);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) {
                        throw new IllegalStateException("no trace code for lot " + lotId);
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    /** Gives product {@code product} the GTIN-14 {@code gtin14}; returns it. */
    public String gtin(String product, String gtin14) {
        return run(c -> {
            try (var ps = c.prepareStatement("UPDATE product SET gtin = ? WHERE id = ?")) {
                ps.setString(1, gtin14);
                ps.setString(2, product);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("no product " + product);
                }
                return gtin14;
            }
        });
    }

    public WebhookRow webhook(String org, String url, String secret) {
        return run(c -> WebhookQueries.insert(c, new NewWebhook(org, url, secret)));
    }

    /** The region of an authority seeded without one: 巫溪县 Wuxi, Chongqing (domain.md section 6). */
    public static final String AUTHORITY_REGION = "500238";

    /** A user of {@code org} (null = none: admins only), without a token; an authority governs Wuxi. */
    public UserRow user(String id, String org, String name, Role role) {
        String region = role == Role.AUTHORITY ? AUTHORITY_REGION : null;
        return run(c -> UserQueries.insert(c, new NewUser(id, org, name, role, region)));
    }

    /**
     * A token of {@code role} in {@code org} (null = of no organisation), minted as create-token mints one; an
     * authority's governs {@link #AUTHORITY_REGION}.
     */
    public Token token(Role role, String org, String name) {
        return token(role, org, name, role == Role.AUTHORITY ? AUTHORITY_REGION : null);
    }

    /** A token of {@code role} in {@code org} governing {@code region} (authorities only). */
    public Token token(Role role, String org, String name, String region) {
        String secret = Tokens.generate();
        long id = run(c -> TokenQueries.insert(c, name, role, org, Tokens.hash(secret), null, region));
        return new Token(secret, id, role, org);
    }

    public Token token(Role role, String org) {
        return token(role, org, org == null ? "test " + role.label() : org + " " + role.label());
    }

    @Override
    public void close() {
        try {
            if (ingest != null) {
                ingest.close();
            }
            if (conn != null) {
                conn.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("closing the seeding connections: " + e.getMessage(), e);
        }
    }

    private Ingested ingested() {
        if (ingest == null) {
            ingest = run(c -> new Ingested(DriverManager.getConnection(db.url(), db.user(), db.password())));
        }
        return ingest;
    }

    /** Work on the seeding connection. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try {
            if (conn == null) {
                conn = DriverManager.getConnection(db.url(), db.user(), db.password());
            }
            return work.on(conn);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        }
    }

}
