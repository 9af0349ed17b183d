package io.coldtrace.api.webhooks;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/** A webhook to register: an http(s) URL and the secret its HMAC signatures are made with (16..200 characters). */
public record NewWebhook(String orgId, String url, String secret) {
    static final Set<String> FIELDS = Set.of("org_id", "url", "secret");

    public NewWebhook {
        Check.optText("org_id", orgId, 64);
        Check.text("url", url, 2000);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ClientError.invalid("url", "url must be an absolute http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw ClientError.invalid("url", "url is not a valid URL: " + e.getReason());
        }
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            throw ClientError.invalid("secret", "secret must be 16..200 characters");
        }
    }

    static NewWebhook from(JsonBody b) {
        return new NewWebhook(b.optText("org_id", 64), b.text("url", 2000), b.text("secret", 200));
    }

    /** The same webhook owned by {@code org}. */
    NewWebhook ownedBy(String org) {
        return new NewWebhook(org, url, secret);
    }
}
