package io.coldtrace.api.orgs;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.JsonBody;
import java.util.Set;
import java.util.regex.Pattern;

/** An organisation to create: {@code id} is a lower-case slug (as org.id), {@code name} 1..200 characters. */
public record NewOrg(String id, String name) {
    static final Set<String> FIELDS = Set.of("id", "name");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public NewOrg {
        Check.matches("id", id, ID, "1..64 of a-z, 0-9, _ and -, starting with a letter or digit");
        Check.text("name", name, 200);
    }

    static NewOrg from(JsonBody b) {
        return new NewOrg(b.text("id", 64), b.text("name", 200));
    }
}
