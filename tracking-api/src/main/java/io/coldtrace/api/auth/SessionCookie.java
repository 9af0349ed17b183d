package io.coldtrace.api.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;

/**
 * The browser session: an HttpOnly, SameSite=Strict cookie holding the user's API token itself, so a request with it
 * is checked exactly like one with the bearer header (same hash lookup, same revocation). Scripts cannot read it and
 * other sites cannot make the browser send it.
 */
public final class SessionCookie {
    /** Name of the cookie. */
    public static final String NAME = "ct_session";
    /** How long a browser keeps the session: one working shift and a bit. */
    public static final long MAX_AGE_S = 12 * 3600;

    private SessionCookie() {
    }

    /** The token the request's session cookie holds, or null. */
    public static String token(HttpServerRequest request) {
        Cookie c = request.getCookie(NAME);
        if (c == null || c.getValue() == null || c.getValue().isBlank()) {
            return null;
        }
        return c.getValue().trim();
    }

    /** The cookie that signs the browser in with {@code token}. */
    public static Cookie signIn(String token, boolean secure) {
        return base(token, secure).setMaxAge(MAX_AGE_S);
    }

    /** The cookie that makes the browser forget its session. */
    public static Cookie signOut(boolean secure) {
        return base("", secure).setMaxAge(0);
    }

    /** Whether the browser reached us over HTTPS (directly or through a proxy that says so). */
    public static boolean secure(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure);
    }
}
