package io.coldtrace.api.events;

import static io.coldtrace.api.testing.Http.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Verification walks long chains through a cursor, scoped by ?org_id=, and names the first altered event. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainVerifyIT {
    private static final int LONG = 20_000;
    private static TestApi api;

    @BeforeAll
    static void start() {
        api = TestApi.start("chainverify");
        api.seeds().org("long", "Long Chain Ltd");
        api.seeds().org("short", "Short Chain Ltd");
        LedgerRows.append(api, "long", LONG);
        LedgerRows.append(api, "short", 3);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonObject verify(String query, String token) {
        return expect(api.http().get("/api/v1/events/verify" + query, token), 200);
    }

    @Test
    @Order(1)   // before the other tests add (and break) chains of their own
    void aChainOfTwentyThousandEventsChecksOutEventByEvent() {
        JsonObject own = verify("", api.token(Role.QA, "long"));
        assertThat(own.getBoolean("ok")).as(own.encode()).isTrue();
        assertThat(own.getLong("events_checked")).isEqualTo(LONG);
        assertThat(own.getInteger("chains")).isOne();
        assertThat(own.getLong("elapsed_ms")).isNotNegative();
        assertThat(own.getValue("first_mismatch")).isNull();

        JsonObject all = verify("", api.token(Role.ADMIN));
        assertThat(all.getLong("events_checked")).isEqualTo(LONG + 3);
        assertThat(all.getInteger("chains")).isEqualTo(2);
        JsonObject onlyShort = verify("?org_id=short", api.token(Role.ADMIN));
        assertThat(onlyShort.getLong("events_checked")).isEqualTo(3);
        assertThat(onlyShort.getInteger("chains")).isOne();
        // a member naming another organisation sees no chain of it, as lists see no rows of it
        JsonObject other = verify("?org_id=short", api.token(Role.QA, "long"));
        assertThat(other.getLong("events_checked")).isZero();
        assertThat(other.getInteger("chains")).isZero();
    }

    @Test
    void theDatabaseRefusesAHashThatIsNot64LowerCaseHexDigits() {
        api.seeds().org("hexed", "Hexed Ltd");
        LedgerRows.append(api, "hexed", 2);
        long seq = LedgerRows.chain(api, "hexed").get(1).seq();
        for (String bad : new String[] {"0".repeat(63), "0".repeat(63) + "g", "A".repeat(64), "0".repeat(65)}) {
            for (String column : new String[] {"hash", "prev_hash"}) {
                assertThatThrownBy(() -> LedgerRows.asSuperuser(api, "UPDATE trace_event SET " + column
                        + " = ? WHERE seq = ?", bad, seq)).hasMessageContaining("trace_event_" + column + "_check");
            }
        }
        // a well-formed value passes the check (the chain's verify then names the row, as any alteration)
        LedgerRows.asSuperuser(api, "UPDATE trace_event SET prev_hash = ? WHERE seq = ?", "0".repeat(64), seq);
    }

    @Test
    void anEventAlteredDeepInALongChainIsTheFirstMismatchAndTheWalkStopsThere() {
        api.seeds().org("deep", "Deep Ltd");
        LedgerRows.append(api, "deep", 5_000);
        List<EventRow> chain = LedgerRows.chain(api, "deep");
        EventRow victim = chain.get(3_210);
        LedgerRows.asSuperuser(api, "UPDATE trace_event SET body = '{\"i\": 3210, \"kg\": 15}' WHERE seq = ?",
                victim.seq());

        JsonObject r = verify("?org_id=deep", api.token(Role.ADMIN));
        assertThat(r.getBoolean("ok")).isFalse();
        assertThat(r.getLong("events_checked")).isEqualTo(3_211);
        JsonObject m = r.getJsonObject("first_mismatch");
        assertThat(m.getString("org_id")).isEqualTo("deep");
        assertThat(m.getString("id")).isEqualTo(victim.id().toString());
        assertThat(m.getLong("seq")).isEqualTo(victim.seq());
        assertThat(m.getString("reason")).isEqualTo("hash does not match the event's stored fields");
        // the other chains are whole
        assertThat(verify("?org_id=long", api.token(Role.ADMIN)).getBoolean("ok")).isTrue();
    }

    @Test
    void eventsCutFromTheEndShowAgainstTheHead() {
        api.seeds().org("cut", "Cut Ltd");
        LedgerRows.append(api, "cut", 10);
        List<EventRow> chain = LedgerRows.chain(api, "cut");
        LedgerRows.asSuperuser(api, "DELETE FROM trace_event WHERE seq >= ?", chain.get(8).seq());

        JsonObject m = verify("", api.token(Role.QA, "cut")).getJsonObject("first_mismatch");
        assertThat(m.getString("id")).isEqualTo(chain.get(7).id().toString());
        assertThat(m.getString("reason")).contains("events are missing from the end of the chain")
                .contains("seq " + chain.get(9).seq());
    }
}
