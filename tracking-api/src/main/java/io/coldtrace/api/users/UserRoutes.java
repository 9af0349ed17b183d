package io.coldtrace.api.users;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.auth.TokenQueries;
import io.coldtrace.api.auth.Tokens;
import io.coldtrace.api.db.BlockingDb;
import io.coldtrace.api.db.SqlStates;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.api.http.Params;
import io.coldtrace.api.http.Policies;
import io.coldtrace.api.http.Responses;
import io.coldtrace.api.http.RouteTable;
import io.coldtrace.api.http.ScopedRoutes;
import io.coldtrace.api.orgs.OrgQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Users, admins only: creating one answers its first API token, once (only the hash is stored); disabling one
 * revokes its tokens, and a disabled user's token no longer authenticates.
 */
public final class UserRoutes {

    private final BlockingDb db;

    public UserRoutes(BlockingDb db) {
        this.db = db;
    }

    public void register(RouteTable routes) {
        routes.post("/api/v1/users", Policies.ADMINISTER, this::create)
                .example("{\"id\": \"{new}\", \"org_id\": \"{org}\", \"name\": \"Li Wei\", \"role\": \"qa\"}");
        routes.get("/api/v1/users", Policies.ADMINISTER, ScopedRoutes.list(db, UserQueries::list, UserRow::toJson));
        routes.post("/api/v1/users/:id/disable", Policies.ADMINISTER, this::disable);
    }

    private Future<Void> create(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        NewUser asked = NewUser.from(JsonBody.of(ctx, NewUser.FIELDS));
        // an authority certifies and blacklists for a whole region, beyond any one organisation: only the platform's
        // admin (of no organisation) may make one, never an organisation's own admin
        if (asked.role() == Role.AUTHORITY && !vis.seesAll()) {
            throw ClientError.forbidden("only an admin of no organisation may create an authority user (role): an "
                    + "organisation's admin could otherwise certify its own products");
        }
        // a scoped admin creates users of its own organisation only; an unscoped one may create org-less admins
        String org = asked.orgId() == null && vis.seesAll() ? null : vis.owner(asked.orgId());
        NewUser user = new NewUser(asked.id(), org, asked.name(), asked.role(), asked.region());
        String token = Tokens.generate();
        return db.transaction(c -> {
            if (org != null) {
                OrgQueries.requireExists(c, org, "org_id");
            }
            if (user.region() != null && !TokenQueries.divisionExists(c, user.region())) {
                throw ClientError.invalid("region", "region " + user.region() + " is no division of the division "
                        + "table");
            }
            UserRow row = SqlStates.newId(() -> UserQueries.insert(c, user), "user", user.id());
            long tokenId = TokenQueries.insert(c, user.name(), user.role(), org, Tokens.hash(token), user.id(),
                    user.region());
            return new Created(row, tokenId, token);
        }).compose(created -> Responses.created(ctx, created.toJson()));
    }

    private Future<Void> disable(RoutingContext ctx) {
        Visibility vis = Visibility.of(ctx);
        String id = Params.pathText(ctx, "id", 128);
        return db.transaction(c -> {
            UserRow user = UserQueries.disable(c, vis, id).orElseThrow(() -> ClientError.notFound("no user " + id));
            return new Disabled(user, TokenQueries.revokeOfUser(c, id));
        }).compose(disabled -> Responses.ok(ctx, disabled.toJson()));
    }

    /** A new user with its first token, shown this once. */
    private record Created(UserRow user, long tokenId, String token) {
        JsonObject toJson() {
            return user.toJson().put("token_id", tokenId).put("token", token);
        }
    }

    /** A disabled user and how many of its tokens were revoked now. */
    private record Disabled(UserRow user, int revokedTokens) {
        JsonObject toJson() {
            return user.toJson().put("revoked_tokens", revokedTokens);
        }
    }
}
