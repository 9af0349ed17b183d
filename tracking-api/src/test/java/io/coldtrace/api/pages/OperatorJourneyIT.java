package io.coldtrace.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.testing.Browser;
import io.coldtrace.api.testing.Seeds;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.config.Env;
import io.coldtrace.core.telemetry.TelemetryCodec;
import io.coldtrace.core.testing.TestBroker;
import io.coldtrace.ingest.IngestConfig;
import io.coldtrace.ingest.IngestMain;
import io.coldtrace.simulator.faults.FaultConfig;
import io.coldtrace.simulator.publish.MqttDevicePublisher;
import io.coldtrace.simulator.world.SimUnit;
import io.coldtrace.simulator.world.World;
import io.coldtrace.simulator.world.WorldConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole operators' path with nothing stubbed: a simulated cold room publishes over MQTT every second, the real
 * ingest stores it and evaluates alarms, the API serves the pages to a real browser. An operator watches the value
 * move live, the simulator leaves the door open, the alarm appears, the operator acknowledges it with a comment.
 */
class OperatorJourneyIT {
    private static TestApi api;
    private static IngestMain ingest;
    private static MqttDevicePublisher publisher;
    private static ScheduledExecutorService clock;
    private static World world;
    private static Browser browser;
    private static String base;
    private static String device;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start("journey");
        base = "http://127.0.0.1:" + api.running().port();
        ingest = new IngestMain(IngestConfig.from(new Env(Map.of(
                "COLDTRACE_DB_URL", api.db().url(), "COLDTRACE_DB_USER", api.db().user(),
                "COLDTRACE_DB_PASSWORD", api.db().password(), "COLDTRACE_MQTT_URL", TestBroker.url(),
                "COLDTRACE_MQTT_CLIENT_ID", "journey-ingest-" + System.nanoTime(),
                "COLDTRACE_INGEST_HTTP_PORT", "0", "COLDTRACE_ALARM_CLOCK_MS", "500"))));
        ingest.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        TelemetryCodec codec = TelemetryCodec.withDefaults();
        world = new World(new WorldConfig(7, Instant.now().truncatedTo(ChronoUnit.SECONDS), 1, 1, 0,
                Duration.ofSeconds(1), Duration.ofSeconds(1), FaultConfig.none()), codec);
        SimUnit room = world.units().get(0);
        device = room.deviceId();
        seed(room);
        publisher = new MqttDevicePublisher(TestBroker.url(), codec, Clock.systemUTC());
        publisher.connect(room.siteId(), room.deviceId(), 1);
        // the world lives on one thread: ticks and fault injection never race
        clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            if (now.isAfter(world.now())) {
                world.tick(Duration.between(world.now(), now)).forEach(publisher::publish);
            }
        }, 0, 1, TimeUnit.SECONDS);
        browser = Browser.start("en-GB");
    }

    private static void seed(SimUnit room) {
        Seeds s = api.seeds();
        s.org("fresh", "Fresh Co");
        s.site(room.siteId(), "fresh", "寿光产地仓 Shouguang", "origin_cold_store", "Asia/Shanghai");
        // the door rule fires after 3 s open so the test does not wait long; temperature limits are wide
        s.profile("p", "fresh", "Test profile", "air", null, null, 30.0, 40.0, 3);
        s.unit("room", room.siteId(), "cold_room", "1号库 Room 1", "chilled", "p");
        s.bind(s.device(room.deviceId(), room.siteId()), "room", Instant.now().minus(Duration.ofHours(1)), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (clock != null) {
            clock.shutdownNow();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (ingest != null) {
            ingest.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anOperatorSeesLiveValuesThenTheDoorAlarmAndAcknowledgesIt() throws Exception {
        var d = browser.driver();
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(60));
        d.get(base + "/login");
        d.findElement(By.id("token")).sendKeys(api.createToken("--role", "operator", "--name", "Wang Fang",
                "--org", "fresh").out());
        browser.click(By.id("login-submit"));
        wait.until(ExpectedConditions.urlToBe(base + "/overview"));

        By card = By.cssSelector("[data-unit='room']");
        By value = By.cssSelector("[data-unit='room'] .value");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(value, "—")));
        d.executeScript("window.__sameDocument = true;");
        // cards are re-rendered on every live update: always find them afresh
        String firstReading = wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(card).getAttribute("data-reading"));
        // new readings reach the card over the live stream, without a reload
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            String reading = driver.findElement(card).getAttribute("data-reading");
            return reading != null && !reading.isBlank() && !reading.equals(firstReading);
        });
        browser.screenshot("journey-overview");

        // the simulator leaves the door open: the card shows it live, then the door rule raises an alarm
        clock.submit(() -> world.unit(device).forceDoorOpen(Duration.ofMinutes(5))).get();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-unit='room'] .door.door-open")));
        assertThat(d.executeScript("return window.__sameDocument === true;")).as("no reload").isEqualTo(true);
        browser.click(By.linkText("Alarms"));
        By doorAlarm = By.xpath("//tr[@data-rule='door_open']");
        // the list re-renders on every live alarm event: always find rows afresh
        wait.until(ExpectedConditions.attributeToBe(doorAlarm, "data-state", "open"));
        browser.screenshot("journey-alarm-open");
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            browser.click(By.xpath("//tr[@data-rule='door_open']//button[contains(@class,'ack')]"));
            return !driver.findElements(By.cssSelector(".ack-comment")).isEmpty();
        });
        d.findElement(By.cssSelector(".ack-comment")).sendKeys("Door closed by the night shift; product checked");
        browser.click(By.cssSelector(".ack-confirm"));
        wait.until(ExpectedConditions.attributeToBe(doorAlarm, "data-state", "acknowledged"));
        browser.screenshot("journey-alarm-acknowledged");
        assertThat(api.number("SELECT count(*) FROM alarm_event e JOIN alarm a ON a.id = e.alarm_id "
                + "WHERE a.rule = 'door_open' AND e.action = 'acknowledged' AND e.actor = 'Wang Fang'")).isEqualTo(1);
    }
}
