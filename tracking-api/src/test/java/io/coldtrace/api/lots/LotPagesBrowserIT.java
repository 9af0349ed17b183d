package io.coldtrace.api.lots;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.Browser;
import io.coldtrace.api.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator in a real browser packs a lot from a harvest batch through the pack form (a refused quantity shown at
 * its field first, then a double click that records one event), opens it, stores it in a room, loads, ships and
 * receives it with the handover check, and finds the events on the lot page and the lot in the filtered list.
 * Screenshots at 1600 px wide land in target/screenshots/lot-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LotPagesBrowserIT {
    private static final String ORG = "pk";
    private static TestApi api;
    private static Browser browser;
    private static String base;
    private static String lotId;

    @BeforeAll
    static void start() {
        api = TestApi.start("lot-pages");
        base = "http://127.0.0.1:" + api.running().port();
        LotChain w = new LotChain(api, ORG);
        w.harvest("B-0301", 1000, Instant.now().minus(Duration.ofHours(6)));
        browser = Browser.start("en");
        browser.driver().manage().window().setSize(new Dimension(1600, 1000));
        // sign in through the login form, as a person would
        browser.driver().get(base + "/lots");
        browser.await().until(ExpectedConditions.urlContains("/login?next="));
        browser.driver().findElement(By.id("token"))
                .sendKeys(api.seeds().token(Role.OPERATOR, ORG, "Zhou Min (packing line)").secret());
        browser.click(By.id("login-submit"));
        browser.await().until(ExpectedConditions.urlToBe(base + "/lots"));
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

    private static WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private static void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Waits until a select has the option {@code value} (options come from the API), then picks it. */
    private static void pick(String css, String value) {
        browser.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(css + " option[value='" + value + "']")));
        new Select(find(css)).selectByValue(value);
    }

    private static long packEvents() {
        return api.number("SELECT count(*) FROM trace_event WHERE org_id = ? AND type = 'pack'", ORG);
    }

    @Test
    @Order(1)
    void anOperatorPacksALotThroughTheFormAndGetsItsLabels() {
        browser.click(By.id("pack-link"));
        browser.await().until(ExpectedConditions.urlToBe(base + "/lots/pack"));
        type("[name=in_code]", "B-0301");
        type("[name=in_quantity]", "1200");
        type("[name=code]", "L-0301-01");
        pick("[name=product_id]", ORG + "-cabbage");
        type("[name=quantity]", "400");
        pick("#pack-form [name=place]", "unit:" + ORG + "-pc");
        browser.click(By.id("pack-submit"));
        // more than the batch holds: refused, shown at the input's quantity, nothing stored
        By inputError = By.cssSelector("[data-error-for^='body.inputs[0].quantity']");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(inputError, "mass balance"));
        assertThat(packEvents()).isZero();
        browser.screenshot("lot-pack-refused-en");
        type("[name=in_quantity]", "400");
        // a double click records one event: the second click finds the form busy, a retry would reuse the id
        browser.driver().executeScript("arguments[0].click(); arguments[0].click();", find("#pack-submit"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("packed")));
        assertThat(packEvents()).isEqualTo(1);
        lotId = find("#packed").getAttribute("data-lot");
        assertThat(find("#packed-title").getText()).isEqualTo("Lot L-0301-01 packed: 400 kg.");
        assertThat(find("#packed-trace").getText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}-.");
        assertThat(find("#packed-labels").getAttribute("href")).isEqualTo(base + "/api/v1/lots/" + lotId + "/labels.pdf");
        browser.screenshot("lot-packed-en");
        assertThat(browser.severeConsoleMessages()).as("only the refused pack").singleElement().asString()
                .contains("422");
    }

    private static void record(String tab) {
        browser.click(By.cssSelector("#record-tabs button[data-form='" + tab + "']"));
    }

    private static void submit(String form, String step) {
        find("form[data-type='" + form + "'] button[type=submit]").click();
        browser.await().until(ExpectedConditions.textToBe(By.id("recorded"), step + " recorded."));
    }

    private static void awaitEvents(int n) {
        browser.await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#events tbody tr"), n));
    }

    @Test
    @Order(2)
    void theLotIsStoredLoadedShippedAndReceivedFromItsPage() {
        browser.click(By.id("packed-open"));
        browser.await().until(ExpectedConditions.urlToBe(base + "/lots/" + lotId));
        browser.await().until(ExpectedConditions.textToBe(By.id("lot-code"), "L-0301-01"));
        awaitEvents(1);
        record("move");
        pick("form[data-type='move'] [name=unit]", ORG + "-r1");
        submit("move", "Store in");
        awaitEvents(2);
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("places"), "room r1"));

        record("load");
        pick("form[data-type='load'] [name=unit]", ORG + "-t1");
        submit("load", "Load");
        awaitEvents(3);

        record("ship");
        pick("form[data-type='ship'] [name=party]", ORG + "-buyer");
        type("form[data-type='ship'] [name=document]", "DN-0301");
        submit("ship", "Ship");
        awaitEvents(4);

        record("receive");
        pick("form[data-type='receive'] [name=place]", "site:" + ORG + "-dc");
        pick("form[data-type='receive'] [name=party]", ORG + "-carrier");
        assertThat(find("form[data-type='receive'] .when-partial").isDisplayed()).isFalse();
        new Select(find("form[data-type='receive'] [name=acceptance]")).selectByValue("partial");
        assertThat(find("form[data-type='receive'] .when-partial").isDisplayed()).isTrue();
        new Select(find("form[data-type='receive'] [name=acceptance]")).selectByValue("accept");
        find("form[data-type='receive'] button[type=submit]").click();
        browser.await().until(ExpectedConditions.textToBe(
                By.cssSelector("form[data-type='receive'] [data-error-for='body.handover_temp_c']"),
                "Measure the product temperature before accepting."));
        type("form[data-type='receive'] [name=temp]", "3.4");
        submit("receive", "Receive");
        awaitEvents(5);

        List<String> steps = browser.driver().findElements(By.cssSelector("#events tbody tr")).stream()
                .map(r -> r.getAttribute("data-type")).toList();
        assertThat(steps).containsExactly("pack", "store_in", "load", "ship", "receive");
        assertThat(find("#places").getText()).contains("DC").contains("400 kg");
        assertThat(find("#handovers").getText()).contains("Accepted · 3.4 °C");
        assertThat(find("#genealogy").getText()).contains("B-0301");
        // the cold chain: the batch on its plot, then the lot's rooms, truck and dock, none with a device here
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#custody-body table.custody")));
        List<String> legs = browser.driver().findElements(By.cssSelector("#custody-body tbody tr")).stream()
                .map(r -> r.getAttribute("data-status")).toList();
        assertThat(legs).hasSizeGreaterThanOrEqualTo(4).containsOnly("unmonitored");
        assertThat(find("#custody-body").getText()).contains("not monitored for").contains("days of shelf life left");
        assertThat(api.rows("SELECT type FROM trace_event WHERE org_id = ? ORDER BY seq", ORG))
                .containsExactly("harvest", "pack", "store_in", "load", "ship", "receive");
        browser.driver().manage().window().setSize(new Dimension(1600, 2000));
        browser.screenshot("lot-page-en");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }

    @Test
    @Order(3)
    void theListFindsTheLotByPlaceAndStatusAndThePageSpeaksChinese() {
        browser.driver().manage().window().setSize(new Dimension(1600, 1000));
        browser.driver().get(base + "/lots");
        pick("#filters [name=place]", ORG + "-dc");
        new Select(find("#filters [name=status]")).selectByValue("active");
        find("#filters button[type=submit]").click();
        browser.await().until(ExpectedConditions.urlContains("place=" + ORG + "-dc"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("origin=").doesNotContain("q=");
        browser.await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lots tbody tr"), 1));
        assertThat(find("#lots tbody tr").getAttribute("data-lot")).isEqualTo("L-0301-01");
        assertThat(new Select(find("#filters [name=place]")).getFirstSelectedOption().getAttribute("value"))
                .as("the form shows the filter it came from").isEqualTo(ORG + "-dc");
        assertThat(find("#next").isDisplayed()).as("one page only").isFalse();
        browser.screenshot("lot-list-en");

        browser.click(By.id("lang-switch"));
        browser.await().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "批次"));
        browser.driver().get(base + "/lots/" + lotId);
        awaitEvents(5);
        assertThat(find("#events tbody tr[data-type='receive'] .step").getText()).isEqualTo("收货");
        browser.driver().manage().window().setSize(new Dimension(1600, 2000));
        browser.screenshot("lot-page-zh");
        assertThat(browser.severeConsoleMessages()).isEmpty();
    }
}
