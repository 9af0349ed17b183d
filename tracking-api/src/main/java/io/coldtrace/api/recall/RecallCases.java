package io.coldtrace.api.recall;

import io.coldtrace.api.access.Visibility;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recall cases as other features read them (the audit pack): the case as {@code GET /api/v1/recalls/:id} shows it,
 * and its frozen scope in the canonical text its {@code scope_sha256} is the SHA-256 of.
 */
public final class RecallCases {
    /** A case's report (the route's JSON) and the canonical text of its frozen scope. */
    public record Frozen(JsonObject report, String canonicalScope) {
    }

    private RecallCases() {
    }

    /** Case {@code id} if the caller sees it. */
    public static Optional<Frozen> read(Connection c, Visibility vis, String id) throws SQLException {
        Optional<CaseReport.Case> k = CaseReport.find(c, vis, id);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Frozen(CaseReport.read(c, k.get()), Scope.canonical(k.get().scope())));
    }
}
