package io.coldtrace.api.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.auth.Tokens;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Device read routes against devices seeded as ingest registers them and stores their messages. */
class DevicesIT {
    private static TestApi api;
    private static String admin;

    @BeforeAll
    static void seed() {
        api = TestApi.start("devices");
        admin = api.token(Role.ADMIN);
        Seeds s = api.seeds();
        s.org("o1", "Org 1");
        s.site("s1", "o1", "Origin store", "other", "Asia/Shanghai");
        s.unit("room-1", "s1", "cold_room", "Room 1", "chilled", null);
        // online, in room-1 since yesterday; of its messages 1 to 10, 8 and 9 never arrived; the last at 10:00
        Seeds.Device a = s.device("dev-a", "s1", 60);
        for (long seq : new long[] {1, 2, 3, 4, 5, 6, 7, 10}) {
            s.message(a, seq, Reading.at(Instant.parse("2025-03-01T10:00:00Z").minus(Duration.ofMinutes(10 - seq)))
                    .air(3.5).rh(91.5).door(false).build());
        }
        s.bind(a, "room-1", Instant.now().minus(Duration.ofDays(1)), null);
        // one message, then silence for an hour
        Seeds.Device b = s.device("dev-b", "s2");
        s.message(b, 5, Reading.at(Instant.parse("2025-03-01T09:00:00Z")).air(-18.25).build());
        s.silentFor(b, Duration.ofHours(1));
        // known, never reported
        s.device("dev-c", "s2");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void outsideAnAdminsViewOnlyDevicesInTheCallersOrganisationsUnitsAreShown() {
        api.seeds().org("o2", "Org 2");
        String own = api.token(Role.OPERATOR, "o1");
        String other = api.token(Role.QA, "o2");
        JsonArray mine = Http.json(api.http().get("/api/v1/devices/latest", own)).getJsonArray("items");
        assertThat(mine).extracting(o -> ((JsonObject) o).getString("ext_id")).containsExactly("dev-a");
        assertThat(Http.json(api.http().get("/api/v1/devices/latest", other)).getJsonArray("items")).isEmpty();
        assertThat(api.http().get("/api/v1/devices/dev-a/completeness", own).statusCode()).isEqualTo(200);
        assertThat(api.http().get("/api/v1/devices/dev-a/completeness", other).statusCode()).isEqualTo(404);
        // unclaimed devices are nobody's yet: every reader sees them, to claim them
        assertThat(Http.json(api.http().get("/api/v1/devices/unclaimed", other)).getJsonArray("items")).isNotEmpty();
        // but one reporting on another organisation's site is that organisation's to claim
        api.seeds().device("dev-on-s1", "s1");
        assertThat(Http.json(api.http().get("/api/v1/devices/unclaimed", other)).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("ext_id")).contains("dev-b").doesNotContain("dev-on-s1");
        assertThat(Http.json(api.http().get("/api/v1/devices/unclaimed", own)).getJsonArray("items"))
                .extracting(o -> ((JsonObject) o).getString("ext_id")).contains("dev-on-s1", "dev-b");
    }

    @Test
    void latestListsEachDeviceReadingWithItsCurrentUnitAndStatus() {
        HttpResponse<Buffer> r = api.http().get("/api/v1/devices/latest", admin);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray items = Http.json(r).getJsonArray("items");
        assertThat(items).hasSize(2);
        JsonObject a = items.getJsonObject(0);
        assertThat(a.getString("ext_id")).isEqualTo("dev-a");
        assertThat(a.getString("site_hint")).isEqualTo("s1");
        assertThat(a.getString("unit_id")).isEqualTo("room-1");
        assertThat(a.getString("ts")).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(a.getDouble("t_air")).isEqualTo(3.5);
        assertThat(a.getDouble("rh")).isEqualTo(91.5);
        assertThat(a.getBoolean("door_open")).isFalse();
        assertThat(a.containsKey("t_product")).isTrue();
        assertThat(a.getValue("t_product")).isNull();
        assertThat(a.getString("last_ingested_at")).isNotNull();
        assertThat(a.getString("status")).isEqualTo("online");
        JsonObject b = items.getJsonObject(1);
        assertThat(b.getString("ext_id")).isEqualTo("dev-b");
        assertThat(b.getValue("unit_id")).isNull();
        assertThat(b.getDouble("t_air")).isEqualTo(-18.25);
        assertThat(b.getString("status")).as("silent for 1 h, no declared status").isEqualTo("offline");
    }

    @Test
    void latestFiltersBySiteAndLimits() {
        JsonArray s2 = Http.json(api.http().get("/api/v1/devices/latest?site=s2", admin)).getJsonArray("items");
        assertThat(s2).extracting(o -> ((JsonObject) o).getString("ext_id")).containsExactly("dev-b");
        JsonArray one = Http.json(api.http().get("/api/v1/devices/latest?limit=1", admin)).getJsonArray("items");
        assertThat(one).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"limit=0,limit", "limit=1001,limit", "limit=abc,limit", "limit=1&limit=2,limit", "site=,site"})
    void badQueryParametersAre400NamingTheParameter(String query, String field) {
        HttpResponse<Buffer> r = api.http().get("/api/v1/devices/latest?" + query, admin);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).getString("error")).isEqualTo("bad_request");
        assertThat(Http.json(r).getString("field")).isEqualTo(field);
    }

    @Test
    void aBadlyEncodedQueryIs400NotAServerError() {
        HttpResponse<Buffer> r = api.http().get("/api/v1/devices/latest?limit=%zz", admin);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).getString("error")).isEqualTo("bad_request");
    }

    @Test
    void unclaimedListsDevicesWithoutACurrentBinding() {
        HttpResponse<Buffer> r = api.http().get("/api/v1/devices/unclaimed", admin);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r).getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("ext_id"))
                .containsExactly("dev-b", "dev-c");
        HttpResponse<Buffer> bad = api.http().get("/api/v1/devices/unclaimed?limit=-1", admin);
        assertThat(Http.json(bad).getString("field")).isEqualTo("limit");
    }

    @Test
    void completenessCountsMissingMessages() {
        HttpResponse<Buffer> r = api.http().get("/api/v1/devices/dev-a/completeness", admin);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r)).isEqualTo(new JsonObject().put("ext_id", "dev-a").put("min_seq", 1L)
                .put("max_seq", 10L).put("msgs", 8L).put("missing_msgs", 2L));
    }

    @Test
    void completenessOfAnUnknownDeviceIs404Json() {
        HttpResponse<Buffer> r = api.http().get("/api/v1/devices/nope/completeness", admin);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.json(r).getString("error")).isEqualTo("not_found");
    }

    @ParameterizedTest
    // a partner only captures; an authority reads no organisation's operations
    @EnumSource(value = Role.class, names = {"PARTNER", "AUTHORITY"}, mode = EnumSource.Mode.EXCLUDE)
    void everyRoleMayReadDevices(Role role) {
        assertThat(api.http().get("/api/v1/devices/latest",
                role == Role.ADMIN ? api.token(role) : api.token(role, "any-org")).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenDevicesAre401Json() {
        for (String path : new String[] {"/api/v1/devices/latest", "/api/v1/devices/unclaimed",
                "/api/v1/devices/dev-a/completeness"}) {
            HttpResponse<Buffer> r = api.http().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(Http.json(r).getString("error")).isEqualTo("unauthorized");
        }
    }

    @Test
    void anUnknownTokenIs401() {
        assertThat(api.http().get("/api/v1/devices/latest", "ct_made-up").statusCode()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenIs401() {
        String token = api.token(Role.QA, "qa-org");
        assertThat(api.http().get("/api/v1/devices/latest", token).statusCode()).isEqualTo(200);
        api.sql("UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", Tokens.hash(token));
        assertThat(api.http().get("/api/v1/devices/latest", token).statusCode()).isEqualTo(401);
    }
}
