package io.coldtrace.api.http;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of links (a lot's trace page, the public certified-product list) as PNG and SVG, drawn from ZXing's module
 * matrix: error correction M (a label may be scuffed), the standard four-module quiet zone, UTF-8. The SVG is one
 * path in module units, so it stays sharp at any print size.
 */
public final class QrImages {
    /** Longest text a code carries: links only, and a short one scans better on a cheap phone. */
    public static final int MAX_TEXT = 512;
    private static final int QUIET_ZONE = 4;

    private QrImages() {
    }

    /** The dark and light modules of {@code text}'s code, quiet zone included. */
    public static BitMatrix matrix(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a QR code carries 1.." + MAX_TEXT + " characters");
        }
        try {
            // size 0: ZXing picks the smallest symbol, one pixel per module, plus the margin
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode this text as a QR code: " + e.getMessage(), e);
        }
    }

    /** A black-on-white PNG with {@code modulePx} pixels per module. */
    public static byte[] png(String text, int modulePx) {
        if (modulePx < 1 || modulePx > 40) {
            throw new IllegalArgumentException("1..40 pixels per module, was " + modulePx);
        }
        BitMatrix m = matrix(text);
        int size = m.getWidth() * modulePx;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, m.get(x / modulePx, y / modulePx) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG whose one path draws each run of dark modules in a row as a rectangle, in module units. */
    public static String svg(String text) {
        BitMatrix m = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < m.getWidth() && m.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start)
                        .append("v1h-").append(x - start).append('z');
            }
        }
        int n = m.getWidth();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n + "\" height=\"" + n
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
