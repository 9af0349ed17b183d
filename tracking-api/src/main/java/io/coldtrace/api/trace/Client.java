package io.coldtrace.api.trace;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * Who scans, as far as the page needs to know: the client's address (for the rate limit only, never stored), the
 * coarse place a trusted proxy names, and the class of its user agent.
 *
 * @param address the connection's address, or behind trusted proxies the last X-Forwarded-For hop that is not one
 * @param place   the trusted proxy's region header, cut to 64 characters; null without one
 * @param kind    wechat, alipay, other_mobile, desktop or bot
 */
record Client(String address, String place, String kind) {
    static Client of(RoutingContext ctx, Set<String> trustedProxies, String regionHeader) {
        SocketAddress remote = ctx.request().remoteAddress();
        String peer = remote == null ? "unknown" : remote.hostAddress();
        boolean proxied = trustedProxies.contains(peer);
        String address = address(peer, ctx.request().getHeader("x-forwarded-for"), trustedProxies);
        String place = null;
        if (proxied && !regionHeader.isEmpty()) {
            place = place(ctx.request().getHeader(regionHeader));
        }
        return new Client(address, place, kind(ctx.request().getHeader("user-agent")));
    }

    /**
     * The client's address: the connection's, unless it comes from a trusted proxy; then the right-most hop of
     * X-Forwarded-For that is not a trusted proxy (hops further left are the client's own claims, and anyone can
     * send the header: a client talking to us directly gets no say).
     */
    static String address(String peer, String forwarded, Set<String> trustedProxies) {
        if (!trustedProxies.contains(peer) || forwarded == null) {
            return peer;
        }
        String address = peer;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty()) {
                address = hop;
                if (!trustedProxies.contains(hop)) {
                    break;
                }
            }
        }
        return address;
    }

    /**
     * A place name as a proxy gave it (ASCII, or UTF-8 percent-encoded as header values must be: {@code
     * %E5%8C%97%E4%BA%AC%E5%B8%82} is 北京市): control characters dropped, at most 64 characters; null when empty.
     */
    static String place(String header) {
        if (header == null) {
            return null;
        }
        String decoded = header;
        if (header.indexOf('%') >= 0) {
            try {
                decoded = java.net.URLDecoder.decode(header.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = header;
            }
        }
        String s = decoded.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (s.isEmpty() || s.equals("-") || s.equalsIgnoreCase("unknown")) {
            return null;
        }
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    /** The class of a user agent: the in-app browsers of WeChat and Alipay, other phones, desktops, robots. */
    static String kind(String ua) {
        if (ua == null || ua.isBlank()) {
            return "bot";
        }
        String u = ua.toLowerCase(Locale.ROOT);
        if (u.contains("micromessenger")) {
            return "wechat";
        }
        if (u.contains("alipayclient") || u.contains("aliapp(ap")) {
            return "alipay";
        }
        for (String robot : new String[] {"bot", "spider", "crawl", "slurp", "curl", "wget", "python", "java/",
                "okhttp", "go-http", "vert.x", "headless", "httpclient", "scrapy", "monitor", "preview"}) {
            if (u.contains(robot)) {
                return "bot";
            }
        }
        if (u.contains("mobile") || u.contains("android") || u.contains("iphone") || u.contains("ipad")) {
            return "other_mobile";
        }
        return "desktop";
    }
}
