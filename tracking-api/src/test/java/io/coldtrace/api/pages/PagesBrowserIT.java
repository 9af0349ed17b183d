package io.coldtrace.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.testing.Browser;
import io.coldtrace.api.testing.TestApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operator pages in a real browser against the real API and database: sign in, watch a value change live,
 * open a unit's chart, acknowledge an alarm. Screenshots land in target/screenshots/. The alarm and history routes
 * are the real ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserIT {
    private static TestApi api;
    private static Browser browser;
    private static String base;
    private static String token;
    private static long alarmId;

    @BeforeAll
    static void start() {
        api = TestApi.start("pages");
        base = "http://127.0.0.1:" + api.running().port();
        seed();
        token = api.createToken("--role", "operator", "--name", "李伟 (night shift)", "--org", "acme").out();
        browser = Browser.start("zh-CN");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static void seed() {
        api.sql("INSERT INTO org (id, name) VALUES ('acme', 'Acme Fresh'), ('other', 'Other Co')");
        api.sql("INSERT INTO site (id, name, kind, org_id) VALUES "
                + "('sh-cold', '上海冷库 Shanghai cold store', 'origin_cold_store', 'acme'), "
                + "('hidden', 'Other org site', 'other', 'other')");
        api.sql("INSERT INTO limit_profile (id, org_id, name, probe, low_crit_c, low_warn_c, high_warn_c, high_crit_c) "
                + "VALUES ('chilled', 'acme', 'Chilled 2–8', 'air', 0, 2, 8, 10)");
        api.sql("INSERT INTO unit (id, site_id, kind, name, temp_class, profile_id) VALUES "
                + "('room-1', 'sh-cold', 'cold_room', '1号冷藏间 Room 1', 'chilled', 'chilled'), "
                + "('room-2', 'sh-cold', 'cold_room', '2号冷藏间 Room 2', 'chilled', 'chilled'), "
                + "('secret', 'hidden', 'cold_room', 'Not yours', 'chilled', NULL)");
        api.sql("INSERT INTO device (ext_id, last_ingested_at, report_interval_s, msgs) VALUES "
                + "('logger-1', now(), 60, 100), ('logger-2', now(), 60, 100)");
        api.sql("INSERT INTO device_binding (device_id, unit_id, valid) SELECT id, "
                + "CASE ext_id WHEN 'logger-1' THEN 'room-1' ELSE 'room-2' END, tstzrange(now() - interval '2 days', NULL) "
                + "FROM device");
        api.sql("INSERT INTO device_latest (device_id, ts, seq, t_air, door_open, defrost, ingested_at) "
                + "SELECT id, now(), 100, CASE ext_id WHEN 'logger-1' THEN 4.2 ELSE 8.6 END, ext_id = 'logger-2', "
                + "false, now() FROM device");
        // six hours of readings every 2 minutes: a gentle wave, one door opening, one defrost, one warm excursion
        api.sql("INSERT INTO telemetry (device_id, ts, seq, t_air, door_open, defrost, ingested_at) "
                + "SELECT d.id, g, extract(epoch FROM g)::bigint, "
                + "4 + 1.2 * sin(extract(epoch FROM g) / 1800) + CASE WHEN g BETWEEN now() - interval '150 minutes' "
                + "AND now() - interval '120 minutes' THEN 6 ELSE 0 END, "
                + "g BETWEEN now() - interval '4 hours' AND now() - interval '230 minutes', "
                + "g BETWEEN now() - interval '5 hours' AND now() - interval '280 minutes', now() "
                + "FROM device d, generate_series(now() - interval '6 hours', now(), interval '2 minutes') g "
                + "WHERE d.ext_id = 'logger-1'");
        api.sql("INSERT INTO alarm (unit_id, device_id, rule, severity, started_at, raised_at, cleared_at, "
                + "limit_value, peak_value, message) SELECT 'room-1', id, 'high', 'warning', "
                + "now() - interval '150 minutes', now() - interval '135 minutes', now() - interval '118 minutes', "
                + "8, 10.2, 'air above 8.0 °C for 15 min' FROM device WHERE ext_id = 'logger-1'");
        api.sql("INSERT INTO alarm_event (alarm_id, actor, action) SELECT id, 'engine', 'raised' FROM alarm");
        alarmId = 1;
    }

    private static WebElement unitValue(String unit) {
        return browser.driver().findElement(By.cssSelector("[data-unit='" + unit + "'] .value"));
    }

    @Test
    @Order(1)
    void aPageWithoutSessionLeadsToTheLoginFormWhichSignsInAndComesBack() {
        var d = browser.driver();
        d.get(base + "/overview");
        browser.await().until(ExpectedConditions.urlContains("/login?next="));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "登录"));
        d.findElement(By.id("token")).sendKeys("ct_not-a-real-token");
        d.findElement(By.id("login-submit")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("login-error"), "该令牌无效或已被吊销。"));
        browser.screenshot("login-zh");
        d.findElement(By.id("token")).clear();
        d.findElement(By.id("token")).sendKeys(token);
        d.findElement(By.id("login-submit")).click();
        browser.await().until(ExpectedConditions.urlToBe(base + "/overview"));
        assertThat(d.manage().getCookieNamed("ct_session").isHttpOnly()).isTrue();
        assertThat(browser.severeConsoleMessages()).as("only the refused token was an error")
                .singleElement().asString().contains("/api/v1/session").contains("401");
    }

    @Test
    @Order(2)
    void theOverviewShowsTheOrgsUnitsInChineseAndUpdatesLiveWithoutReload() {
        var d = browser.driver();
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-unit='room-1'] .value"), "4.2"));
        assertThat(d.findElement(By.cssSelector("h1")).getText()).isEqualTo("总览");
        assertThat(d.findElement(By.cssSelector("[data-unit='room-2']")).getAttribute("data-status"))
                .isEqualTo("warning");
        assertThat(d.findElements(By.cssSelector("[data-unit='secret']"))).as("another org's unit").isEmpty();
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#live .live-text"), "实时"));
        d.executeScript("window.__sameDocument = true;");

        api.sql("UPDATE device_latest SET t_air = 12.5, ts = now(), ingested_at = now() "
                + "WHERE device_id = (SELECT id FROM device WHERE ext_id = 'logger-1')");
        api.sql("UPDATE device SET last_ingested_at = now() WHERE ext_id = 'logger-1'");

        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-unit='room-1'] .value"), "12.5"));
        assertThat(d.findElement(By.cssSelector("[data-unit='room-1']")).getAttribute("data-status"))
                .isEqualTo("critical");
        assertThat(d.executeScript("return window.__sameDocument === true;")).as("no reload").isEqualTo(true);
        Path shot = browser.screenshot("overview-zh");
        assertThat(shot).exists();
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(3)
    void theLanguageSwitchPersistsAndTheUnitPageDrawsTheChart() {
        var d = browser.driver();
        d.findElement(By.id("lang-switch")).click();
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Overview"));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-unit='room-1'] .value"), "12.5"));
        browser.screenshot("overview-en");
        unitValue("room-1").click();
        browser.await().until(ExpectedConditions.urlToBe(base + "/units/room-1"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("unit-name"), "Room 1"));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#unit-now-value .value"), "12.5"));
        assertThat(d.findElement(By.cssSelector("#ranges button.active")).getText()).isEqualTo("24 h");
        d.findElement(By.cssSelector("#ranges button[data-range='6h']")).click();
        browser.await().until(ExpectedConditions.attributeContains(By.id("csv"), "href", "format=csv"));
        assertThat(d.findElement(By.cssSelector("#ranges button.active")).getText()).isEqualTo("6 h");
        browser.await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#unit-alarms tbody tr"), 1));
        assertThat(d.findElement(By.cssSelector("h2")).getText()).as("English after the switch").isEqualTo("History");
        browser.screenshot("unit-en");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(4)
    void anAlarmIsAcknowledgedWithAMandatoryComment() {
        var d = browser.driver();
        d.findElement(By.linkText("Alarms")).click();
        By row = By.cssSelector("tr[data-alarm='" + alarmId + "']");
        browser.await().until(ExpectedConditions.attributeToBe(row, "data-state", "open"));
        d.findElement(By.cssSelector("tr[data-alarm='" + alarmId + "'] button.ack")).click();
        d.findElement(By.cssSelector(".ack-confirm")).click();
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector(".ack-row .error"),
                "Write what was done before acknowledging."));
        d.findElement(By.cssSelector(".ack-comment")).sendKeys("Door closed, product probed at 6.1 °C, QA informed");
        browser.screenshot("alarms-ack-form-en");
        d.findElement(By.cssSelector(".ack-confirm")).click();
        browser.await().until(ExpectedConditions.attributeToBe(row, "data-state", "acknowledged"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(row,
                "Door closed, product probed at 6.1 °C"));
        browser.screenshot("alarms-en");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(5)
    void signingOutEndsTheSession() {
        var d = browser.driver();
        d.findElement(By.id("sign-out")).click();
        browser.await().until(ExpectedConditions.urlContains("/login"));
        d.get(base + "/alarms");
        browser.await().until(ExpectedConditions.urlContains("/login?next=%2Falarms"));
        assertThat(d.findElement(By.cssSelector("h1")).getText()).as("language choice kept").isEqualTo("Sign in");
    }
}
