package io.coldtrace.api.labels;

import io.coldtrace.core.ids.TraceCode;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Where QR codes, labels and Digital Links send people: {@code {base}/t/{trace code in groups}}. The base is
 * {@code COLDTRACE_PUBLIC_BASE_URL}, or, when it is not set, the address and port the request came in on (never
 * the Host header a caller chooses): right for a developer's machine, wrong behind a proxy, so production sets it.
 */
public final class PublicLinks {
    private final String configured;

    public PublicLinks(String configured) {
        this.configured = configured == null ? "" : configured;
    }

    boolean configured() {
        return !configured.isEmpty();
    }

    /** The base for a request: the configured one, or derived from the local address it came in on. */
    public String base(RoutingContext ctx) {
        return configured() ? configured : derived(ctx.request().localAddress());
    }

    /** The public page of {@code code}. */
    String page(RoutingContext ctx, TraceCode code) {
        return page(base(ctx), code);
    }

    static String page(String base, TraceCode code) {
        return base + "/t/" + code.grouped();
    }

    /** {@code http://host:port} of a local address (IPv6 in brackets). */
    static String derived(SocketAddress local) {
        String host = local.hostAddress();
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + local.port();
    }
}
