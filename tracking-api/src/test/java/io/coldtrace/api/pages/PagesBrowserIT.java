package io.coldtrace.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Browser;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.telemetry.Reading;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
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
    private static Seeds.Device logger1;

    @BeforeAll
    static void start() {
        api = TestApi.start("pages");
        base = "http://127.0.0.1:" + api.running().port();
        seed();
        token = api.seeds().token(Role.OPERATOR, "acme", "李伟 (night shift)").secret();
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
        Seeds s = api.seeds();
        s.org("acme", "Acme Fresh");
        s.org("other", "Other Co");
        s.site("sh-cold", "acme", "上海冷库 Shanghai cold store", "origin_cold_store", "Asia/Shanghai");
        s.site("hidden", "other", "Other org site", "other", "Asia/Shanghai");
        s.profile("chilled", "acme", "Chilled 2–8", "air", 0.0, 2.0, 8.0, 10.0);
        s.unit("room-1", "sh-cold", "cold_room", "1号冷藏间 Room 1", "chilled", "chilled");
        s.unit("room-2", "sh-cold", "cold_room", "2号冷藏间 Room 2", "chilled", "chilled");
        s.unit("secret", "hidden", "cold_room", "Not yours", "chilled", null);
        logger1 = s.device("logger-1", "sh-cold", 60);
        Seeds.Device logger2 = s.device("logger-2", "sh-cold", 60);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        s.bind(logger1, "room-1", now.minus(Duration.ofDays(2)), null);
        s.bind(logger2, "room-2", now.minus(Duration.ofDays(2)), null);
        // six hours of readings every 2 minutes: a gentle wave, one door opening, one defrost, one warm excursion;
        // the last reading of each room is what the overview shows first
        s.readings(logger1, Seeds.every(now.minus(Duration.ofHours(6)), now, Duration.ofMinutes(2))
                .map(ts -> wave(ts, now)).toList());
        s.readings(logger1, List.of(Reading.at(now).air(4.2).door(false).defrost(false).build()));
        s.readings(logger2, List.of(Reading.at(now).air(8.6).door(true).defrost(false).build()));
        alarmId = s.alarm("room-1", logger1, "high", "warning", now.minus(Duration.ofMinutes(150)),
                now.minus(Duration.ofMinutes(135)), now.minus(Duration.ofMinutes(118)), 8.0, 10.2,
                "air above 8.0 °C for 15 min").id();
    }

    private static Reading wave(Instant ts, Instant now) {
        double air = 4 + 1.2 * Math.sin(ts.getEpochSecond() / 1800.0) + (during(ts, now, 150, 120) ? 6 : 0);
        return Reading.at(ts).air(air).door(during(ts, now, 240, 230)).defrost(during(ts, now, 300, 280)).build();
    }

    /** Whether {@code ts} lies from {@code fromMin} to {@code toMin} minutes before {@code now}, both included. */
    private static boolean during(Instant ts, Instant now, int fromMin, int toMin) {
        return !ts.isBefore(now.minus(Duration.ofMinutes(fromMin)))
                && !ts.isAfter(now.minus(Duration.ofMinutes(toMin)));
    }

    @Test
    @Order(1)
    void aPageWithoutSessionLeadsToTheLoginFormWhichSignsInAndComesBack() {
        var d = browser.driver();
        d.get(base + "/overview");
        browser.await().until(ExpectedConditions.urlContains("/login?next="));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "登录"));
        d.findElement(By.id("token")).sendKeys("ct_not-a-real-token");
        browser.click(By.id("login-submit"));
        browser.await().until(ExpectedConditions.textToBe(By.id("login-error"), "该令牌无效或已被吊销。"));
        browser.screenshot("login-zh");
        d.findElement(By.id("token")).clear();
        d.findElement(By.id("token")).sendKeys(token);
        browser.click(By.id("login-submit"));
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
        // the overview re-renders its tiles as values arrive: wait on the attribute rather than hold an element
        browser.await().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-unit='room-2']"), "data-status",
                "warning"));
        assertThat(d.findElements(By.cssSelector("[data-unit='secret']"))).as("another org's unit").isEmpty();
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#live .live-text"), "实时"));
        d.executeScript("window.__sameDocument = true;");

        api.seeds().readings(logger1, List.of(Reading.at(Instant.now()).air(12.5).door(false).defrost(false).build()));

        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-unit='room-1'] .value"), "12.5"));
        browser.await().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-unit='room-1']"), "data-status",
                "critical"));
        assertThat(d.executeScript("return window.__sameDocument === true;")).as("no reload").isEqualTo(true);
        Path shot = browser.screenshot("overview-zh");
        assertThat(shot).exists();
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(3)
    void theLanguageSwitchPersistsAndTheUnitPageDrawsTheChart() {
        var d = browser.driver();
        browser.click(By.id("lang-switch"));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Overview"));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("[data-unit='room-1'] .value"), "12.5"));
        browser.screenshot("overview-en");
        browser.click(By.cssSelector("[data-unit='room-1'] .value"));
        browser.await().until(ExpectedConditions.urlToBe(base + "/units/room-1"));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("unit-name"), "Room 1"));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#unit-now-value .value"), "12.5"));
        assertThat(d.findElement(By.cssSelector("#ranges button.active")).getText()).isEqualTo("24 h");
        browser.click(By.cssSelector("#ranges button[data-range='6h']"));
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
        browser.click(By.linkText("Alarms"));
        By row = By.cssSelector("tr[data-alarm='" + alarmId + "']");
        browser.await().until(ExpectedConditions.attributeToBe(row, "data-state", "open"));
        browser.click(By.cssSelector("tr[data-alarm='" + alarmId + "'] button.ack"));
        browser.click(By.cssSelector(".ack-confirm"));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector(".ack-row .error"),
                "Write what was done before acknowledging."));
        d.findElement(By.cssSelector(".ack-comment")).sendKeys("Door closed, product probed at 6.1 °C, QA informed");
        browser.screenshot("alarms-ack-form-en");
        browser.click(By.cssSelector(".ack-confirm"));
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
        browser.click(By.id("sign-out"));
        browser.await().until(ExpectedConditions.urlContains("/login"));
        d.get(base + "/alarms");
        browser.await().until(ExpectedConditions.urlContains("/login?next=%2Falarms"));
        assertThat(d.findElement(By.cssSelector("h1")).getText()).as("language choice kept").isEqualTo("Sign in");
    }
}
