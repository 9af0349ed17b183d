package io.coldtrace.api.labels;

import io.coldtrace.api.http.QrImages;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/** The two image forms of a QR code: SVG (one path, sharp at any size) and PNG (10 pixels a module). */
enum QrFormat {
    SVG("svg", "image/svg+xml; charset=utf-8"),
    PNG("png", "image/png");

    /** Pixels per module of a PNG: about 400 px for a trace link, enough for print at 3 cm. */
    static final int PNG_MODULE_PX = 10;

    final String extension;
    private final String contentType;

    QrFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The code of {@code text} in this form; CPU work. */
    byte[] render(String text) {
        return this == SVG ? QrImages.svg(text).getBytes(StandardCharsets.UTF_8) : QrImages.png(text, PNG_MODULE_PX);
    }

    Future<Void> send(RoutingContext ctx, byte[] image, String cacheControl) {
        return ctx.response().setStatusCode(200).putHeader("content-type", contentType)
                .putHeader("cache-control", cacheControl).end(Buffer.buffer(image));
    }
}
