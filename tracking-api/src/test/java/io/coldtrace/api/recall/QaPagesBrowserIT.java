package io.coldtrace.api.recall;

import static io.coldtrace.api.events.LotChain.item;
import static io.coldtrace.api.events.LotChain.items;
import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.api.auth.Role;
import io.coldtrace.api.events.LotChain;
import io.coldtrace.api.testing.Browser;
import io.coldtrace.api.testing.TestApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * QA in a real browser at a 1600 × 1000 screen, in English and Chinese: opens a recall from an alarm of room r1 (batch
 * B1 packed into L1 there, split into S1 and S2, S1 delivered to a buyer, part of S2 to buyer2), finds the affected
 * lots and buyers with their quantities, exports the case's audit pack (a ZIP whose manifest's SHA-256s match its
 * files), marks it recalled (two clicks; the holds stay red) and releases it (the holds turn green), and draws L1's
 * trace: nodes and edges in the SVG, zoom changing the viewBox, the hop table and the mass balance; the lot page
 * links its audit pack. Screenshots: target/screenshots/qa-*.png.
 */
class QaPagesBrowserIT {
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    private static final String ORG = "qp";
    private static TestApi api;
    private static LotChain w;
    private static String base;
    private static long alarm;

    @BeforeAll
    static void start() {
        api = TestApi.start("qa-pages");
        base = "http://127.0.0.1:" + api.running().port();
        w = new LotChain(api, ORG);
        api.seeds().party(ORG + "-buyer2", ORG, "buyer", "500103");
        w.harvest("B1", 1000, h(0));
        w.pack("B1", 400, "L1", 400, "r1", h(1));
        w.post("transform", h(2), w.unit("r1"), new JsonObject().put("kind", "split")
                .put("inputs", items(item("L1", 400))).put("outputs", items(w.output("S1", 150), w.output("S2", 250))));
        w.post("deliver", h(4), new JsonObject().put("party_id", ORG + "-buyer"),
                new JsonObject().put("lots", items(item("S1", 150))));
        w.post("deliver", h(4), new JsonObject().put("party_id", ORG + "-buyer2"),
                new JsonObject().put("lots", items(item("S2", 100))));
        alarm = api.seeds().alarm(ORG + "-r1", "high", "critical", h(1.5), h(1.75)).id();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static Instant h(double hours) {
        return LotChain.after(T0, hours);
    }

    private static Browser signedIn(String lang, String next) {
        Browser b = Browser.start(lang);
        b.driver().manage().window().setSize(new Dimension(1600, 1000));
        b.driver().get(base + next);
        b.await().until(ExpectedConditions.urlContains("/login?next="));
        b.driver().findElement(By.id("token")).sendKeys(api.seeds().token(Role.QA, ORG, "Li Na (QA)").secret());
        b.click(By.id("login-submit"));
        b.await().until(ExpectedConditions.urlToBe(base + next));
        return b;
    }

    private static List<String> texts(Browser b, String css, String attribute) {
        return b.driver().findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    @Test
    void qaOpensARecallFromAnAlarmSeesLotsAndBuyersAndMarksItRecalled() {
        try (Browser b = signedIn("en", "/alarms?state=open")) {
            By open = By.cssSelector("tr[data-alarm='" + alarm + "'] .open-recall");
            b.await().until(ExpectedConditions.elementToBeClickable(open));
            // the list renders again once the page knows the user is QA: read the button afresh
            b.await().until(ExpectedConditions.textToBe(open, "Open recall from this alarm"));
            b.click(open);
            b.click(By.cssSelector(".recall-confirm"));
            assertThat(b.driver().findElement(By.cssSelector("[data-recall-for] .error")).getText())
                    .isEqualTo("Write why the recall is opened.");
            b.driver().findElement(By.cssSelector(".recall-reason")).sendKeys("compressor failed in room r1");
            b.screenshot("qa-alarm-open-recall-en");
            b.click(By.cssSelector(".recall-confirm"));
            b.await().until(ExpectedConditions.urlMatches(base + "/recalls/[0-9a-f-]{36}$"));
            String id = b.driver().getCurrentUrl().substring((base + "/recalls/").length());
            b.await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lots tbody tr"), 3));
            assertThat(texts(b, "#lots tbody tr", "data-lot")).containsExactlyInAnyOrder("L1", "S1", "S2");
            assertThat(texts(b, "#buyers tbody tr", "data-buyer")).containsExactly(ORG + "-buyer", ORG + "-buyer2");
            assertThat(b.driver().findElement(By.cssSelector("#buyers tr[data-lot='S2']")).getText()).contains("100 kg");
            assertThat(b.driver().findElement(By.id("status-badge")).getText()).isEqualTo("Open");
            assertThat(b.driver().findElement(By.id("scope-hash")).getText())
                    .isEqualTo(api.rows("SELECT scope_sha256 FROM recall_case WHERE id = ?::uuid", id).get(0));
            assertThat(b.driver().findElement(By.id("facts")).getText()).contains("✓ within BRCGS 4 h")
                    .contains("✓ within FDA 24 h").contains("alarm #" + alarm).contains("unchanged since it was frozen");
            assertThat(b.driver().findElement(By.id("eff-total")).getText()).isEqualTo("0 kg of 250 kg accounted for (0%)");
            assertThat(b.driver().findElement(By.id("csv")).getAttribute("href"))
                    .isEqualTo(base + "/api/v1/recalls/" + id + "/buyers.csv");
            // nothing was shipped to buyer2, only delivered: "—", not "0 kg"
            assertThat(texts(b, "#buyers tr[data-lot='S2'] td.num", "textContent"))
                    .containsExactly("100 kg", "—", "100 kg");
            assertThat(holds(b)).isEqualTo("holds holds-on");
            b.screenshot("qa-recall-open-en");
            exportsTheCasesAuditPack(b, id);
            // notifying buyers cannot be undone: the first click only asks
            b.click(By.id("mark-recalled"));
            assertThat(b.driver().findElement(By.id("action-note")).getText()).contains("Click again to confirm");
            assertThat(api.rows("SELECT status FROM recall_case WHERE id = ?::uuid", id)).containsExactly("open");
            b.click(By.id("mark-recalled"));
            b.await().until(ExpectedConditions.textToBe(By.id("status-badge"), "Recalled"));
            assertThat(api.rows("SELECT status FROM recall_case WHERE id = ?::uuid", id)).containsExactly("recalled");
            assertThat(texts(b, "#notices li", "data-notice")).containsExactly(ORG + "-buyer", ORG + "-buyer2");
            assertThat(b.driver().findElement(By.id("mark-recalled")).isDisplayed()).isFalse();
            assertThat(holds(b)).as("recalled lots stay held until released").isEqualTo("holds holds-on");
            b.screenshot("qa-recall-recalled-en");
            b.click(By.id("release"));
            b.await().until(ExpectedConditions.textToBe(By.id("status-badge"), "Released"));
            assertThat(holds(b)).as("released: the holds are lifted, no longer red").isEqualTo("holds holds-off");
            assertThat(b.driver().findElement(By.id("holds")).getText()).startsWith("✓ Holds lifted");
            b.screenshot("qa-recall-released-en");
            b.driver().get(base + "/recalls");
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-recall='" + id + "']")));
            b.screenshot("qa-recalls-en");
            assertThat(b.severeConsoleMessages()).isEmpty();
        }
    }

    private static String holds(Browser b) {
        return b.driver().findElement(By.id("holds")).getAttribute("class");
    }

    /**
     * Clicks "Export audit pack", waits for the download and reads it as an auditor would: the ZIP holds the case's
     * files and a manifest whose SHA-256 of each file matches the file, and the frozen scope's hash is the case's.
     */
    private static void exportsTheCasesAuditPack(Browser b, String id) {
        Path downloads = b.downloads();
        WebElement export = b.driver().findElement(By.id("audit-pack"));
        assertThat(export.getText()).isEqualTo("Export audit pack (ZIP)");
        String href = export.getAttribute("href");
        assertThat(href).isEqualTo(base + "/api/v1/recalls/" + id + "/audit-pack");
        assertThat(b.fetchStatus(href)).isEqualTo("200 application/zip");
        b.click(By.id("audit-pack"));
        Path zip = b.awaitDownload(downloads);
        assertThat(zip.getFileName().toString()).startsWith("audit-recall").endsWith(".zip");
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsKeys("events.json", "custody.json", "chain-verification.json", "recall-case.json",
                "recall-scope.json", "report.pdf", "manifest.json");
        JsonObject manifest = new JsonObject(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
        JsonArray listed = manifest.getJsonArray("files");
        assertThat(listed).hasSize(files.size() - 1);
        for (Object o : listed) {
            JsonObject f = (JsonObject) o;
            assertThat(sha256(files.get(f.getString("name")))).as(f.getString("name")).isEqualTo(f.getString("sha256"));
        }
        assertThat(sha256(files.get("recall-scope.json")))
                .isEqualTo(api.rows("SELECT scope_sha256 FROM recall_case WHERE id = ?::uuid", id).get(0));
        assertThat(b.driver().getCurrentUrl()).as("a download, the page stays").isEqualTo(base + "/recalls/" + id);
    }

    private static Map<String, byte[]> unzip(Path zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTracePageDrawsTheGraphZoomsAndListsItInChinese() {
        String l1 = api.rows("SELECT id::text FROM lot WHERE org_id = ? AND code = 'L1'", ORG).get(0);
        try (Browser b = signedIn("zh-CN", "/lots/" + l1)) {
            b.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-link")));
            assertThat(b.driver().findElement(By.id("trace-link")).getText()).isEqualTo("追溯图与物料平衡");
            WebElement pack = b.driver().findElement(By.id("audit-pack"));
            assertThat(pack.getText()).isEqualTo("导出审计包（ZIP）");
            assertThat(pack.getAttribute("href")).isEqualTo(base + "/api/v1/lots/" + l1 + "/audit-pack");
            assertThat(b.fetchStatus(pack.getAttribute("href"))).isEqualTo("200 application/zip");
            b.screenshot("qa-lot-zh");
            b.click(By.id("trace-link"));
            b.await().until(ExpectedConditions.urlToBe(base + "/lots/" + l1 + "/trace"));
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph svg .node")));
            // backward: the plot's farm, the plot, B1; forward: S1, S2, the two buyers
            List<String> nodes = texts(b, "#graph svg .node", "data-node");
            assertThat(nodes).contains("lot:" + l1).hasSize(8);
            assertThat(b.driver().findElements(By.cssSelector("#graph svg .edge"))).hasSize(7);
            assertThat(texts(b, "#graph svg .edge", "data-kind")).containsExactlyInAnyOrder("farms", "harvested",
                    "transformed", "transformed", "transformed", "delivered", "delivered");
            assertThat(b.driver().findElement(By.cssSelector("#graph svg")).getText()).contains("150 千克").contains("加工为 (分拆)")
                    .contains("400 千克").contains("加工为 (包装)");
            String fit = viewBox(b);
            b.click(By.id("zoom-in"));
            String zoomed = viewBox(b);
            assertThat(width(zoomed)).isLessThan(width(fit));
            WebElement svg = b.driver().findElement(By.cssSelector("#graph svg"));
            new Actions(b.driver()).moveToElement(svg, 50, 50).clickAndHold().moveByOffset(-120, -40).release().perform();
            String panned = viewBox(b);
            assertThat(width(panned)).isEqualTo(width(zoomed));
            assertThat(panned).isNotEqualTo(zoomed);
            new Actions(b.driver()).scrollFromOrigin(org.openqa.selenium.interactions.WheelInput.ScrollOrigin
                    .fromElement(svg), 0, 300).perform();
            assertThat(width(viewBox(b))).isGreaterThan(width(panned));
            assertThat(b.driver().getCurrentUrl()).as("a drag over a lot does not open it").endsWith("/trace");
            b.click(By.id("zoom-fit"));
            assertThat(viewBox(b)).isEqualTo(fit);
            assertThat(b.driver().findElements(By.cssSelector("#hops tbody tr"))).hasSize(7);
            assertThat(b.driver().findElement(By.cssSelector("#hops tr[data-kind='harvested']")).getText())
                    .contains("来源").contains("1,000 千克");
            assertThat(b.driver().findElement(By.id("mb-verdict")).getText()).isEqualTo("平衡");
            assertThat(b.driver().findElement(By.cssSelector("[data-term='transformed']")).getText()).contains("400 千克");
            b.screenshot("qa-trace-zh");
            assertThat(b.driver().findElement(By.id("live")).isDisplayed()).as("no stream here, no reconnecting")
                    .isFalse();
            assertThat(b.severeConsoleMessages()).isEmpty();
        }
    }

    private static String viewBox(Browser b) {
        return (String) b.driver().executeScript("return document.querySelector('#graph svg').getAttribute('viewBox')");
    }

    private static double width(String viewBox) {
        return Double.parseDouble(viewBox.split(" ")[2]);
    }
}
