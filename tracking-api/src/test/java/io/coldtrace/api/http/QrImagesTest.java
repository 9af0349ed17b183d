package io.coldtrace.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A trace link's QR code reads back to the link, from the PNG and from the SVG's modules. */
class QrImagesTest {
    private static final String LINK = "https://trace.example.cn/t/7K3MQ9TX2D4FHW8R5?lang=zh";

    @Test
    void thePngReadsBackToTheLink() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(QrImages.png(LINK, 6)));
        assertThat(img.getWidth()).isEqualTo(QrImages.matrix(LINK).getWidth() * 6);
        Result r = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(img))));
        assertThat(r.getText()).isEqualTo(LINK);
    }

    @Test
    void theSvgDrawsExactlyTheDarkModulesAndReadsBack() throws Exception {
        String svg = QrImages.svg(LINK);
        BitMatrix m = QrImages.matrix(LINK);
        int n = m.getWidth();
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\"");
        // rasterise the path's runs at 5 px a module and decode that image
        BufferedImage img = new BufferedImage(n * 5, n * 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < n * 5; y++) {
            for (int x = 0; x < n * 5; x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        int dark = 0;
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
        while (run.find()) {
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int w = Integer.parseInt(run.group(3));
            for (int x = x0; x < x0 + w; x++) {
                assertThat(m.get(x, y0)).as("module %d,%d drawn dark", x, y0).isTrue();
                dark++;
                for (int py = y0 * 5; py < y0 * 5 + 5; py++) {
                    for (int px = x * 5; px < x * 5 + 5; px++) {
                        img.setRGB(px, py, 0);
                    }
                }
            }
        }
        int expected = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                expected += m.get(x, y) ? 1 : 0;
            }
        }
        assertThat(dark).isEqualTo(expected);
        assertThat(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(img)))).getText()).isEqualTo(LINK);
    }

    @Test
    void emptyOrOverlongTextAndSillySizesAreRefused() {
        assertThatThrownBy(() -> QrImages.matrix("")).hasMessageContaining("1..512");
        assertThatThrownBy(() -> QrImages.matrix("x".repeat(513))).hasMessageContaining("1..512");
        assertThatThrownBy(() -> QrImages.png(LINK, 0)).hasMessageContaining("pixels per module");
    }
}
