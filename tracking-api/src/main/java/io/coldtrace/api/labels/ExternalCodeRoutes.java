package io.coldtrace.api.labels;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /api/v1/lots/{id}/external-code} {@code {"external_code", "reason"?}}: maps a national platform's code
 * (an opaque string) 1:1 to a lot. Set once; the same code again is a 200 that changes nothing; another code while
 * one is set is a correction that only QA (or an admin) makes, with a reason, else 409; a code another lot holds is
 * 409. Every change is kept in {@code lot_external_code_change} (append-only).
 */
final class ExternalCodeRoutes {
    static final Access SETTERS = Access.roles(Role.OPERATOR, Role.QA);
    private static final Set<String> FIELDS = Set.of("external_code", "reason");
    static final int MAX_CODE = 128;
    static final int MAX_REASON = 1000;

    private final BlockingDb db;
    private final PublicLinks links;

    ExternalCodeRoutes(BlockingDb db, PublicLinks links) {
        this.db = db;
        this.links = links;
    }

    void register(RouteTable routes) {
        routes.put("/api/v1/lots/:id/external-code", SETTERS, this::put)
                .example("{\"external_code\": \"{new}\"}");
    }

    /** What the caller asked: the code, and the reason of a correction. */
    record Change(String code, String reason) {
        static Change from(JsonBody body) {
            String code = body.text("external_code", MAX_CODE);
            if (!code.strip().equals(code) || code.chars().anyMatch(Character::isISOControl)) {
                throw ClientError.invalid("external_code", "external_code is taken as printed: no leading or "
                        + "trailing spaces, no control characters");
            }
            return new Change(code, body.optText("reason", MAX_REASON));
        }
    }

    private Future<Void> put(RoutingContext ctx) {
        String id = Params.pathText(ctx, "id", 64);
        Visibility vis = Visibility.of(ctx);
        Principal who = Principal.of(ctx);
        Change change = Change.from(JsonBody.of(ctx, FIELDS));
        return db.transaction(c -> {
            LotRow lot = LabelQueries.lockLot(c, vis, id).orElseThrow(() -> ClientError.notFound("no lot " + id));
            if (!apply(lot, change, who.role())) {
                return lot;
            }
            ensureFree(LabelQueries.externalHolder(c, change.code()), lot, vis);
            try {
                LabelQueries.changeExternal(c, lot, change.code(), change.reason(), who.name());
            } catch (SQLException e) {
                if (SqlStates.uniqueViolation(e)) {
                    throw taken(change.code(), null);
                }
                throw e;
            }
            return new LotRow(lot.id(), lot.orgId(), lot.code(), lot.kind(), lot.traceCode(), change.code(),
                    lot.voidedBy());
        }).compose(row -> Responses.ok(ctx, row.toJson(links.page(ctx, row.traceCode()))));
    }

    /** Whether the change is to be written (false: the lot holds that code already); throws when it may not be. */
    static boolean apply(LotRow lot, Change change, Role role) {
        if (!lot.isLot()) {
            throw ClientError.invalid("external_code", lot.code() + " is a harvest batch: map the external code to "
                    + "the lot packed from it");
        }
        if (change.code().equals(lot.externalCode())) {
            return false;
        }
        if (lot.externalCode() == null) {
            return true;
        }
        if (role != Role.QA && role != Role.ADMIN) {
            throw ClientError.conflict("external_code", "lot " + lot.code() + " is mapped to external code "
                    + lot.externalCode() + "; replacing it is a correction QA makes, with a reason");
        }
        if (change.reason() == null) {
            throw ClientError.invalid("reason", "replacing external code " + lot.externalCode() + " of lot "
                    + lot.code() + " needs a reason");
        }
        return true;
    }

    private static void ensureFree(Optional<LotRow> holder, LotRow lot, Visibility vis) {
        if (holder.isPresent() && !holder.get().id().equals(lot.id())) {
            throw taken(holder.get().externalCode(), vis.admits(holder.get().orgId()) ? holder.get().code() : null);
        }
    }

    /** 409: the code is another lot's (named when the caller may see it). */
    private static ClientError taken(String code, String holderCode) {
        return ClientError.conflict("external_code", "external code " + code + " is mapped to "
                + (holderCode == null ? "another lot" : "lot " + holderCode) + " already (one code, one lot)");
    }
}
