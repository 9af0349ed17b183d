package io.coldtrace.api.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.testing.Browser;
import io.coldtrace.api.testing.TestApi;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The buyer's page in headless Chromium on a phone's viewport (375 × 812 CSS px, 2× pixels, touch), in Chinese and,
 * through its language link, in English: nothing wider than the screen, no console errors (a blocked load or a CSP
 * violation would show), no script at all. Screenshots (the first screen and the whole page) land in
 * target/screenshots/.
 */
class TraceBrowserIT {
    private static TestApi api;
    private static Browser browser;
    private static TraceWorld world;
    private static String base;

    @BeforeAll
    static void start() {
        api = TestApi.start("trace-browser");
        base = "http://127.0.0.1:" + api.running().port();
        world = new TraceWorld(api, "bw");
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

    private static void phone(int height) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height",
                height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** The first screen as {@code name}, each further screen as name-2, name-3, ..., and the whole page. */
    private static void shoot(String name) {
        phone(812);
        browser.screenshot(name);
        int height = ((Number) browser.driver().executeScript("return document.documentElement.scrollHeight"))
                .intValue();
        for (int screen = 2, y = 760; y < height && screen <= 10; screen++, y += 760) {
            browser.driver().executeScript("window.scrollTo(0, arguments[0])", y);
            browser.screenshot(name + "-" + screen);
        }
        browser.driver().executeScript("window.scrollTo(0, 0)");
        phone(height);
        browser.screenshot(name + "-full");
        phone(812);
    }

    private static long overflow() {
        return ((Number) browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
    }

    @Test
    void onAPhoneInChineseThenInEnglish() {
        var d = browser.driver();
        phone(812);
        d.get(base + "/t/" + world.traceCode);
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("白菜");
        assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(d.getPageSource()).contains("记录已核验", "高于 8.0 °C 共 40 分钟");
        assertThat(overflow()).as("page wider than the phone").isLessThanOrEqualTo(0);
        assertThat(d.findElements(By.tagName("script"))).isEmpty();
        assertThat(d.findElements(By.cssSelector("svg.chart"))).hasSize(3);
        assertThat(d.findElement(By.cssSelector("svg.chart")).getSize().getWidth()).isBetween(250, 375);
        shoot("trace-zh");
        assertThat(browser.severeConsoleMessages()).isEmpty();

        browser.click(By.linkText("English"));
        browser.await().until(x -> "en".equals(x.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(d.getPageSource()).contains("Record verified", "above 8.0 °C for 40 min, peak 9.5 °C",
                "Hongchiba Vegetable Cooperative");
        assertThat(overflow()).as("page wider than the phone").isLessThanOrEqualTo(0);
        shoot("trace-en");
        assertThat(browser.severeConsoleMessages()).isEmpty();

        d.get(base + "/t/NOT-A-REAL-CODE");
        assertThat(d.getPageSource()).contains("未找到该追溯码", "Trace code not found");
        assertThat(overflow()).isLessThanOrEqualTo(0);
        shoot("trace-404");
    }
}
