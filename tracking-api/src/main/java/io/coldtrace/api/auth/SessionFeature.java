package io.coldtrace.api.auth;

import com.google.auto.service.AutoService;
import io.coldtrace.api.http.ApiFeature;
import io.coldtrace.api.http.FeatureContext;
import io.coldtrace.api.http.Pages;
import io.coldtrace.api.http.Access;
import io.coldtrace.api.http.RouteTable;

/** Browser sessions: sign in with a token, sign out; the login page. */
@AutoService(ApiFeature.class)
public final class SessionFeature implements ApiFeature {
    @Override
    public void register(FeatureContext k, RouteTable routes) {
        new SessionRoutes(k.db()).register(routes);
        routes.get("/login", Access.publicAccess("the sign-in form: static HTML, carries no data"),
                ctx -> Pages.html(ctx, "login.html"));
    }
}
