package io.coldtrace.api.genealogy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Reading a trace answer in tests: its edges and lots as short text. */
final class TraceAnswers {
    private TraceAnswers() {
    }

    /** Every edge as "from -kind quantity-> to", lots by code, other nodes by their id. */
    static TreeSet<String> edges(JsonObject t) {
        TreeSet<String> out = new TreeSet<>();
        for (Object o : t.getJsonArray("edges")) {
            JsonObject e = (JsonObject) o;
            out.add(name(t, e.getString("from")) + " -" + e.getString("kind")
                    + (e.containsKey("quantity") ? " " + e.getValue("quantity") + " " + e.getString("uom") : "")
                    + "-> " + name(t, e.getString("to")));
        }
        return out;
    }

    static String name(JsonObject t, String id) {
        for (Object o : t.getJsonArray("nodes")) {
            JsonObject n = (JsonObject) o;
            if (n.getString("id").equals(id)) {
                return n.getString("type").equals("lot") ? n.getString("code") : id;
            }
        }
        throw new AssertionError("edge names " + id + ", which is no node of " + t.encodePrettily());
    }

    /** Each lot as "code@depth". */
    static List<String> lotCodes(JsonObject t) {
        List<String> out = new ArrayList<>();
        for (Object o : t.getJsonArray("nodes")) {
            JsonObject n = (JsonObject) o;
            if (n.getString("type").equals("lot")) {
                out.add(n.getString("code") + "@" + n.getInteger("depth"));
            }
        }
        return out;
    }
}
