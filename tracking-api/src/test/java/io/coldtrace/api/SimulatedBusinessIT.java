package io.coldtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.config.Env;
import io.coldtrace.core.json.Json;
import io.coldtrace.core.telemetry.ProbeRole;
import io.coldtrace.core.telemetry.Reading;
import io.coldtrace.simulator.SimMain;
import io.coldtrace.simulator.business.Holdings;
import io.coldtrace.simulator.business.PlannedEvent;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.World;
import io.coldtrace.simulator.world.WorldConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's {@code business} command against the real API: after {@code provision}, it posts four days of the
 * world's business (harvest to delivery) as an operator; the ledger accepts every event, holds each lot where the
 * plan's own replay says it is, takes the handover temperatures from the trucks' logged readings, flags what is over
 * a day old as late; run again (a restart), it creates nothing twice.
 */
class SimulatedBusinessIT {
    private static final String[] WORLD = {"--seed", "42", "--backfill-hours", "96"};
    /** What the trucks' compartment A loggers read all along, so every handover shows it. */
    private static final double TRUCK_READING = 3.7;
    private static final Pattern COUNTS = Pattern.compile(
            "business done: Counts\\[created=(\\d+), again=(\\d+), conflicts=(\\d+), refused=(\\d+)]");
    private static TestApi api;
    private static Run first;

    private record Run(int exit, String out, String err, int created, int again, int conflicts, int refused) {
    }

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start("business");
        Instant now = Instant.now();
        World world = new World(WorldConfig.defaults(42, now));
        for (SimUnit u : world.units()) { // as if each had reported through ingest
            Seeds.Device d = api.seeds().device(u.deviceId(), u.siteId());
            if (u.deviceId().startsWith("TR-") && u.deviceId().endsWith("-A")) {
                api.seeds().readings(d, Seeds.every(now.minus(Duration.ofHours(97)), now, Duration.ofMinutes(5))
                        .map(ts -> Reading.at(ts).temp(ProbeRole.RETURN_AIR, TRUCK_READING).build()).toList());
            }
        }
        Run provisioned = run("provision", api.token(Role.ADMIN), "--wait-devices-s", "0");
        assertThat(provisioned.exit()).as(provisioned.err()).isZero();
        first = run("business", api.token(Role.OPERATOR, "demo"), "--duration-s", "1");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Run run(String command, String token, String... more) throws Exception {
        List<String> argv = new ArrayList<>(List.of(command, "--api", "http://127.0.0.1:" + api.running().port(),
                "--token", token));
        argv.addAll(List.of(WORLD));
        argv.addAll(List.of(more));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SimMain.run(argv, new Env(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        Matcher m = COUNTS.matcher(o);
        boolean counted = m.find();
        return new Run(exit, o, err.toString(StandardCharsets.UTF_8), counted ? Integer.parseInt(m.group(1)) : -1,
                counted ? Integer.parseInt(m.group(2)) : -1, counted ? Integer.parseInt(m.group(3)) : -1,
                counted ? Integer.parseInt(m.group(4)) : -1);
    }

    @Test
    void everyEventIsAcceptedAndTheLotsAreWhereThePlanSaysTheyAre() {
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.refused()).as(first.out()).isZero();
        assertThat(first.conflicts()).isZero();
        assertThat(first.created()).isGreaterThan(40);
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE org_id = 'demo'")).isEqualTo(first.created());
        assertThat(api.rows("SELECT DISTINCT type FROM trace_event WHERE org_id = 'demo' ORDER BY 1")).containsExactly(
                "deliver", "harvest", "load", "loss", "pack", "pre_cool", "receive", "ship", "store_in", "transform");

        // the ledger's projection and the plan's replay of the same events agree on every lot at every place
        Holdings replay = Holdings.replay(postedEvents());
        assertThat(replay.lots()).hasSizeGreaterThan(10);
        for (String lot : replay.lots()) {
            assertThat(ledgerHoldings(lot)).as(lot).isEqualTo(format(replay.of(lot)));
        }
        // whatever was split and fully delivered went to the two buyers, nothing lost on the way
        List<String> delivered = api.rows("""
                SELECT l.code FROM lot l WHERE l.org_id = 'demo' AND l.code LIKE '%A'
                AND NOT EXISTS (SELECT 1 FROM lot_movement m WHERE m.lot_id = l.id GROUP BY m.place_kind, m.place_id
                    HAVING m.place_kind <> 'gone' AND sum(m.delta) <> 0)""");
        assertThat(delivered).isNotEmpty();
        assertThat(api.rows("SELECT DISTINCT party_id FROM trace_event WHERE org_id = 'demo' AND type = 'deliver'"))
                .containsExactlyInAnyOrder("demo-buyer-canteen", "demo-buyer-supermarket");
    }

    @Test
    void handoversTakeTheTrucksLoggedTemperatureAndOldEventsAreFlaggedLate() {
        assertThat(api.rows("SELECT DISTINCT (body->>'handover_temp_c') || ' from ' || party_id FROM trace_event "
                + "WHERE org_id = 'demo' AND type = 'receive'")).containsExactly(TRUCK_READING + " from demo-carrier");
        assertThat(api.rows("SELECT DISTINCT unit_id FROM trace_event WHERE org_id = 'demo' AND type IN ('load', "
                + "'ship')")).allMatch(u -> u.matches("TR\\d+-A"));
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE org_id = 'demo' AND late_recorded <> "
                + "(recorded_at - event_time > interval '24 hours')")).isZero();
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE org_id = 'demo' AND late_recorded")).isPositive();
    }

    @Test
    void aRestartPostsTheSameEventsAgainAndCreatesNothingTwice() throws Exception {
        long before = api.number("SELECT count(*) FROM trace_event WHERE org_id = 'demo'");

        Run again = run("business", api.token(Role.OPERATOR, "demo"), "--duration-s", "1");

        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.conflicts()).isZero();
        assertThat(again.refused()).isZero();
        assertThat(again.again()).isGreaterThan(first.created() / 2);
        // only what fell due meanwhile is new
        assertThat(api.number("SELECT count(*) FROM trace_event WHERE org_id = 'demo'"))
                .isEqualTo(before + again.created());
        assertThat(api.number("SELECT count(*) - count(DISTINCT client_event_id) FROM trace_event "
                + "WHERE org_id = 'demo'")).isZero();
    }

    /** The stored events as the plan's events, in the ledger's order. */
    private static List<PlannedEvent> postedEvents() {
        List<PlannedEvent> out = new ArrayList<>();
        for (String row : api.rows("""
                SELECT json_build_object('client_event_id', client_event_id, 'type', type, 'event_time', event_time,
                    'site_id', site_id, 'unit_id', unit_id, 'plot_id', plot_id, 'party_id', party_id,
                    'body', body)::text FROM trace_event WHERE org_id = 'demo' ORDER BY event_time, seq""")) {
            try {
                ObjectNode e = (ObjectNode) Json.mapper().readTree(row);
                out.add(new PlannedEvent(Instant.parse(e.get("event_time").asText().replace(" ", "T")
                        .replaceFirst("\\+00(:00)?$", "Z")), e.get("client_event_id").asText(),
                        e.get("type").asText(), e, null));
            } catch (Exception ex) {
                throw new IllegalStateException(row, ex);
            }
        }
        return out;
    }

    private static String ledgerHoldings(String lot) {
        return String.join(", ", api.rows("""
                SELECT CASE WHEN m.place_kind = 'gone' THEN 'gone ' ELSE m.place_kind || ' ' END || m.place_id || '='
                    || trim_scale(sum(m.delta)) FROM lot_movement m JOIN lot l ON l.id = m.lot_id
                WHERE l.org_id = 'demo' AND l.code = ? GROUP BY m.place_kind, m.place_id HAVING sum(m.delta) <> 0
                ORDER BY 1""", lot));
    }

    private static String format(Map<String, BigDecimal> holdings) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(holdings).forEach((place, q) -> parts.add(place + "=" + q.stripTrailingZeros().toPlainString()));
        parts.sort(null);
        return String.join(", ", parts);
    }
}
