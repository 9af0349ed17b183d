package io.coldtrace.api.genealogy;

import io.coldtrace.api.http.ClientError;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * How far a trace may go: {@code depth} lot_link hops from its roots (default 16, at most 64) and {@code width} nodes
 * in the answer (default 2,000, at most 10,000). Asking beyond a maximum, or a genealogy that goes beyond the limits
 * asked, is a 422 naming the field and the limit: a trace is complete or refused, never silently cut. The walk itself
 * may take at most {@link #STEPS_PER_NODE} × width steps (a lot reached at several depths takes one step each).
 */
record TraceLimits(int depth, int width) {
    static final int DEFAULT_DEPTH = 16;
    static final int MAX_DEPTH = 64;
    static final int DEFAULT_WIDTH = 2_000;
    static final int MAX_WIDTH = 10_000;
    static final int STEPS_PER_NODE = 4;

    static TraceLimits of(RoutingContext ctx) {
        return new TraceLimits(bounded(ctx, "depth", DEFAULT_DEPTH, MAX_DEPTH),
                bounded(ctx, "width", DEFAULT_WIDTH, MAX_WIDTH));
    }

    /** The most rows the walk may read: one more than it may use, so reaching the bound shows. */
    int steps() {
        return width * STEPS_PER_NODE + 1;
    }

    /**
     * Refuses a walk that hit its step bound ({@code budget}: what is left of {@link #steps()} after the walks before
     * it, across crossings) or found lots deeper than {@code depth}.
     */
    void checkWalk(List<TraceGraph.LotNode> lots, long steps, long budget) {
        if (steps >= budget) {
            throw tooWide("the genealogy from here takes more than " + (steps() - 1) + " steps to walk");
        }
        if (lots.stream().anyMatch(l -> l.depth() > depth)) {
            throw ClientError.overLimit("depth", depth, "the genealogy goes deeper than depth=" + depth
                    + " hops from here; ask with a larger depth (at most " + MAX_DEPTH + ")");
        }
    }

    /** Refuses an answer of more than {@code width} nodes. */
    void checkWidth(int nodes) {
        if (nodes > width) {
            throw tooWide("the trace has " + nodes + " nodes (lots, plots, parties)");
        }
    }

    /** Refuses a crossing into another organisation that reaches past {@code depth}. */
    void checkCrossing(int depthReached) {
        if (depthReached > depth) {
            throw ClientError.overLimit("depth", depth, "the genealogy goes on past depth=" + depth + " hops from "
                    + "here, in another organisation; ask with a larger depth (at most " + MAX_DEPTH + ")");
        }
    }

    private ClientError tooWide(String what) {
        return ClientError.overLimit("width", width, what + ", more than width=" + width + "; ask with a smaller "
                + "depth or a larger width (at most " + MAX_WIDTH + ")");
    }

    private static int bounded(RoutingContext ctx, String name, int def, int max) {
        List<String> all = ctx.queryParam(name);
        if (all.isEmpty()) {
            return def;
        }
        int v;
        try {
            v = Integer.parseInt(all.get(0).trim());
        } catch (NumberFormatException e) {
            throw ClientError.badParameter(name, name + " must be a whole number 1.." + max);
        }
        if (v < 1) {
            throw ClientError.badParameter(name, name + " must be a whole number 1.." + max + ", was " + v);
        }
        if (v > max) {
            throw ClientError.overLimit(name, max, name + " may be at most " + max + ", was " + v);
        }
        return v;
    }
}
