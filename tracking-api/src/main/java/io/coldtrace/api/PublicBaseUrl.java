package io.coldtrace.api;

import io.coldtrace.core.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks {@code COLDTRACE_PUBLIC_BASE_URL}: empty (derive it from each request), or an absolute http(s) URL with a
 * host and at most a path prefix (no query, fragment or user info); trailing slashes are dropped, so pages are
 * {@code base + "/t/" + code}.
 */
final class PublicBaseUrl {
    static final String KEY = "COLDTRACE_PUBLIC_BASE_URL";

    private PublicBaseUrl() {
    }

    static String check(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String v = value.strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new ConfigException(KEY + " must be an http(s) URL such as https://trace.example.com, was '"
                    + value + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ConfigException(KEY + " must be an http(s) URL with a host and at most a path (no query, "
                    + "fragment or user), such as https://trace.example.com, was '" + value + "'");
        }
        return v;
    }
}
