package io.coldtrace.api.labels;

import static io.coldtrace.api.testing.Http.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.http.QrImages;
import io.coldtrace.api.testing.Http;
import io.coldtrace.api.testing.TestApi;
import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** QR images of trace codes (public, and by lot id for staff) and GS1 Digital Link resolution, on real lots. */
class QrAndLinkIT {
    private static final String GTIN = "09520123456788";
    private static final Instant T0 = Instant.parse("2025-07-01T01:00:00Z");

    private static TestApi api;
    private static WebClient noRedirects;
    private static LabelWorld acme;
    private static String base;

    @BeforeAll
    static void start() {
        api = TestApi.start("labels-qr");
        noRedirects = WebClient.create(api.running().vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(api.running().port()).setFollowRedirects(false));
        base = "http://127.0.0.1:" + api.running().port();
        acme = new LabelWorld(api, "qacme", GTIN);
        acme.harvest("B1", 300, T0);
        acme.pack("B1", T0.plusSeconds(3600), 100, "L-0701-1", "L/0701/2");
    }

    @AfterAll
    static void stop() throws Exception {
        noRedirects.close();
        api.close();
    }

    @Test
    void thePublicPngCarriesThePageUrlWhateverFormTheCodeIsGivenIn() throws Exception {
        TraceCode code = acme.traceCode("L-0701-1");
        String page = base + "/t/" + code.grouped();
        for (String given : new String[] {code.grouped(), code.value(), code.value().toLowerCase(Locale.ROOT)}) {
            HttpResponse<Buffer> r = api.http().get("/t/" + given + "/qr.png");
            assertThat(r.statusCode()).as(given).isEqualTo(200);
            assertThat(r.getHeader("content-type")).isEqualTo("image/png");
            assertThat(decode(r.body().getBytes())).as(given).isEqualTo(page);
        }
    }

    @Test
    void thePublicSvgIsTheCodeOfThePageUrl() {
        TraceCode code = acme.traceCode("L/0701/2");
        HttpResponse<Buffer> r = api.http().get("/t/" + code.grouped() + "/qr.svg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("image/svg+xml");
        assertThat(r.bodyAsString()).isEqualTo(QrImages.svg(base + "/t/" + code.grouped()));
    }

    @Test
    void unknownAndMalformedCodesGetTheSame404() {
        TraceCode real = acme.traceCode("L-0701-1");
        String mistyped = real.value().substring(0, 5) + (real.value().charAt(5) == 'A' ? 'B' : 'A')
                + real.value().substring(6);
        String first = null;
        for (String code : new String[] {TraceCode.random().grouped(), "nonsense", mistyped, "0".repeat(200)}) {
            for (String ext : new String[] {"png", "svg"}) {
                HttpResponse<Buffer> r = api.http().get("/t/" + code + "/qr." + ext);
                assertError(r, 404, null);
                first = first == null ? r.bodyAsString() : first;
                assertThat(r.bodyAsString()).as(code).isEqualTo(first);
            }
        }
    }

    @Test
    void staffGetTheQrOfTheirOwnLotsById() throws Exception {
        String id = acme.lotId("L-0701-1");
        String page = base + "/t/" + acme.traceCode("L-0701-1").grouped();
        String dispatcher = api.token(Role.DISPATCHER, "qacme");
        HttpResponse<Buffer> png = api.http().get("/api/v1/lots/" + id + "/qr.png", dispatcher);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(decode(png.body().getBytes())).isEqualTo(page);
        assertThat(api.http().get("/api/v1/lots/" + id + "/qr.svg", dispatcher).bodyAsString())
                .isEqualTo(QrImages.svg(page));
        new LabelWorld(api, "qrival", null);
        assertError(api.http().get("/api/v1/lots/" + id + "/qr.png", api.token(Role.OPERATOR, "qrival")), 404, null);
        assertError(api.http().get("/api/v1/lots/" + acme.lotId("B1") + "/qr.png", dispatcher), 404, null);
        assertError(api.http().get("/api/v1/lots/not-a-uuid/qr.svg", dispatcher), 404, null);
        assertThat(api.http().get("/api/v1/lots/" + id + "/qr.svg").statusCode()).isEqualTo(401);
    }

    @Test
    void aDigitalLinkRedirectsToTheLotsPage() {
        HttpResponse<Buffer> r = get("/01/" + GTIN + "/10/L-0701-1");
        assertThat(r.statusCode()).isEqualTo(307);
        assertThat(r.getHeader("location")).isEqualTo(base + "/t/" + acme.traceCode("L-0701-1").grouped());
        // a '/' in the lot is percent-encoded in the link, and decoded to find the lot
        assertThat(get("/01/" + GTIN + "/10/L%2F0701%2F2").getHeader("location"))
                .isEqualTo(base + "/t/" + acme.traceCode("L/0701/2").grouped());
        // other query parameters (GS1 data attributes, link types) do not change the lot
        assertThat(get("/01/" + GTIN + "/10/L-0701-1?17=250801").statusCode()).isEqualTo(307);
    }

    @Test
    void linksThatAreNotDigitalLinksAre400sAndLinksToNoLot404sSayingWhy() {
        assertThat(message(get("/01/" + GTIN + "?10=L-0701-1"), 400)).contains("not in the query");
        assertThat(message(get("/01/" + GTIN + "/10/L-0701-1?10=L-0701-1"), 400)).contains("not in the query");
        assertThat(message(get("/01/9520123456788/10/L-0701-1"), 400)).contains("14 digits").contains(GTIN);
        assertThat(message(get("/01/09520123456787/10/L-0701-1"), 400)).contains("check digit");
        assertThat(message(get("/01/" + GTIN))).contains("names no lot");
        assertThat(message(get("/01/" + GTIN + "/10/L-0701-9"))).contains("no lot of this product");
        assertThat(message(get("/01/09780345418913/10/L-0701-1"))).contains("no lot of this product");
    }

    @Test
    void aPackersLotWinsOverAReceiversCopyAndTwoPackersAreNotGuessedBetween() {
        LabelWorld packer = new LabelWorld(api, "qpack", "00012345678905");
        packer.harvest("B9", 100, T0);
        packer.pack("B9", T0.plusSeconds(600), 50, "SHARED-1");
        LabelWorld buyer = new LabelWorld(api, "qbuy", "00012345678905");
        buyer.receiveFromOutside("SHARED-1", 50, T0.plusSeconds(7200));
        HttpResponse<Buffer> r = get("/01/00012345678905/10/SHARED-1");
        assertThat(r.statusCode()).isEqualTo(307);
        assertThat(r.getHeader("location")).isEqualTo(base + "/t/" + packer.traceCode("SHARED-1").grouped());
        LabelWorld second = new LabelWorld(api, "qpack2", "00012345678905");
        second.harvest("B9", 100, T0);
        second.pack("B9", T0.plusSeconds(600), 50, "SHARED-1");
        assertThat(message(get("/01/00012345678905/10/SHARED-1"))).contains("more than one organisation");
    }

    private static HttpResponse<Buffer> get(String uri) {
        return Http.await(noRedirects.get(uri).send());
    }

    private static String message(HttpResponse<Buffer> r) {
        return assertError(r, 404, null).getString("message");
    }

    /** The message of a 400 naming the link. */
    private static String message(HttpResponse<Buffer> r, int status) {
        return assertError(r, status, "link").getString("message");
    }

    static String decode(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
