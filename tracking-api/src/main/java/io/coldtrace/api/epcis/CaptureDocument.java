package io.coldtrace.api.epcis;

import io.coldtrace.api.events.BulkImport;
import io.coldtrace.api.http.Problem;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A partner's document as capture reads it: JSON, at most {@link #MAX_EVENTS} events (413 beyond, before anything
 * else is checked), conforming to GS1's schema ({@link CaptureSchema}), an {@code EPCISDocument} (events in {@code
 * epcisBody.eventList}) or an {@code EPCISQueryDocument} (in {@code epcisBody.queryResults.resultsBody.eventList}).
 * {@code prefixes} are the CURIE prefixes its {@code @context} binds (for the extension namespace and the event hash).
 */
record CaptureDocument(JsonArray events, String listPointer, Map<String, String> prefixes, String sha256) {
    /** Events per document: the bulk import's bound (one transaction). */
    static final int MAX_EVENTS = BulkImport.MAX_EVENTS;
    private static final String QUERY_LIST = "/epcisBody/queryResults/resultsBody/eventList";

    /** The document {@code text} holds, or a problem saying why it cannot be captured. */
    static CaptureDocument read(String text) {
        if (text == null || text.isBlank()) {
            throw EpcisProblems.invalid("", "the request body must be an EPCIS 2.0 JSON-LD document");
        }
        Object parsed;
        try {
            parsed = Json.decodeValue(text);
        } catch (DecodeException e) {
            throw EpcisProblems.invalid("", "the request body is not JSON");
        }
        if (!(parsed instanceof JsonObject doc)) {
            throw EpcisProblems.invalid("", "an EPCIS document is a JSON object");
        }
        String type = doc.getValue("type") instanceof String t ? t : null;
        String listPointer = "EPCISQueryDocument".equals(type) ? QUERY_LIST : "/epcisBody/eventList";
        JsonArray events = at(doc, listPointer);
        if (events != null && events.size() > MAX_EVENTS) {
            throw Problem.of(413, EpcisProblems.CAPTURE_LIMIT, "Capture payload too large", "the document holds "
                    + events.size() + " events; capture takes at most " + MAX_EVENTS + " per document: split it")
                    .with("limit", MAX_EVENTS);
        }
        CaptureSchema.check(text);
        if (!"EPCISDocument".equals(type) && !"EPCISQueryDocument".equals(type)) {
            throw EpcisProblems.invalid("/type", "capture takes an EPCISDocument or an EPCISQueryDocument, not a "
                    + type + " on its own: put events in a document's epcisBody.eventList");
        }
        return new CaptureDocument(events == null ? new JsonArray() : events, listPointer, prefixes(doc),
                sha256(text));
    }

    /** The pointer of event {@code i}. */
    String pointer(int i) {
        return listPointer + "/" + i;
    }

    /** The array at a pointer of object keys, or null when any step is missing or of another kind. */
    private static JsonArray at(JsonObject doc, String pointer) {
        Object v = doc;
        for (String key : pointer.substring(1).split("/")) {
            v = v instanceof JsonObject o ? o.getValue(key) : null;
        }
        return v instanceof JsonArray a ? a : null;
    }

    /** The prefixes the document's {@code @context} objects bind to IRIs. */
    private static Map<String, String> prefixes(JsonObject doc) {
        Map<String, String> out = new HashMap<>();
        Object context = doc.getValue("@context");
        JsonArray items = context instanceof JsonArray a ? a : new JsonArray().add(context);
        for (Object item : items) {
            if (item instanceof JsonObject o) {
                o.forEach(e -> {
                    if (e.getValue() instanceof String iri) {
                        out.put(e.getKey(), iri);
                    }
                });
            }
        }
        return out;
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, in hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
