package io.coldtrace.api.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** Serves the router over HTTP; start completes once the port is bound. */
public final class HttpVerticle extends VerticleBase {
    private final String host;
    private final int port;
    private final Router router;
    private volatile int actualPort = -1;

    public HttpVerticle(String host, int port, Router router) {
        this.host = host;
        this.port = port;
        this.router = router;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(router)
                .listen()
                .onSuccess(server -> actualPort = server.actualPort())
                .map(HttpServer::actualPort)
                .recover(e -> Future.failedFuture(
                        new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e, e)));
    }

    /** The bound port (useful when configured as 0); -1 before start completes. */
    public int actualPort() {
        return actualPort;
    }
}
