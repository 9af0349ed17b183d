package io.coldtrace.api.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.testing.Browser;
import io.coldtrace.api.testing.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An operator on a wide screen, in English and Chinese, sees the slow-moving stock of {@link StockWorld} on /stock:
 * the lots at watch or worse, worst first, with their grades, quantities at risk and reasons, and the buyers proposed
 * for lot L3 with their reasons. Screenshots: target/screenshots/stock-*.png.
 */
class StockBrowserIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MINUTES);
    private static TestApi api;
    private static String base;
    private static final Map<String, String> IDS = new HashMap<>();

    @BeforeAll
    static void start() {
        api = TestApi.start("stock-pages");
        base = "http://127.0.0.1:" + api.running().port();
        StockWorld.build(api, T0, IDS);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static Browser signedIn(String lang, String next) {
        Browser b = Browser.start(lang);
        b.driver().manage().window().setSize(new Dimension(1600, 1000));
        b.driver().get(base + next);
        b.await().until(ExpectedConditions.urlContains("/login?next="));
        b.driver().findElement(By.id("token")).sendKeys(api.seeds().token(Role.OPERATOR, "st", "Wang Fang").secret());
        b.click(By.id("login-submit"));
        b.await().until(ExpectedConditions.urlContains("/stock"));
        return b;
    }

    private static List<String> rows(Browser b) {
        return b.driver().findElements(By.cssSelector("table.stock tbody tr")).stream()
                .map(e -> e.getAttribute("data-lot") + ":" + e.getAttribute("data-grade")).toList();
    }

    @Test
    void anOperatorSeesTheSlowMovingLotsAndTheBuyersProposedForOne() {
        try (Browser b = signedIn("en", "/stock?site=st-o&grade=watch")) {
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.stock tbody tr")));
            // N = 7 days: L3 and L4 urgent, L2 and L1 warnings; worst first
            assertThat(rows(b)).containsExactly("L3:urgent", "L4:urgent", "L2:warning", "L1:warning");
            String l3 = b.driver().findElement(By.cssSelector("tr[data-lot='L3']")).getText();
            assertThat(l3).contains("Urgent").contains("150 kg").contains("30 kg a day");
            b.click(By.cssSelector("tr[data-lot='L3'] .find-buyers"));
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-lot='L3'] .proposals li")));
            List<String> parties = b.driver().findElements(By.cssSelector("tr[data-lot='L3'] .proposals li")).stream()
                    .map(e -> e.getAttribute("data-party")).toList();
            assertThat(parties).containsExactly("st-buyer", "st-canteen");
            assertThat(b.driver().findElement(By.cssSelector("tr[data-lot='L3'] .proposals")).getText())
                    .contains("bought 420 of cabbage").contains("canteen");
            b.screenshot("stock-en");
            // only the urgent ones
            b.click(By.cssSelector("#grades button[data-grade='urgent']"));
            b.await().until(d -> rows(b).size() == 2);
            assertThat(rows(b)).containsExactly("L3:urgent", "L4:urgent");
            assertThat(b.severeConsoleMessages()).isEmpty();
        }
        try (Browser b = signedIn("zh-CN", "/stock?site=st-o&grade=watch")) {
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.stock tbody tr")));
            assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo("库存与滞销预警");
            assertThat(b.driver().findElement(By.cssSelector("tr[data-lot='L3']")).getText()).contains("紧急")
                    .contains("150 kg 无法售出");
            b.click(By.cssSelector("tr[data-lot='L3'] .find-buyers"));
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-lot='L3'] .proposals li")));
            assertThat(b.driver().findElement(By.cssSelector("tr[data-lot='L3'] .proposals")).getText())
                    .contains("近 90 天购买cabbage 420").contains("机关食堂");
            b.screenshot("stock-zh");
        }
    }
}
