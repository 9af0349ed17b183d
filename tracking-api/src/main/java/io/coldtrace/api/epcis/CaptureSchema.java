package io.coldtrace.api.epcis;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * GS1's EPCIS 2.0 JSON schema (draft-07, {@code /epcis/EPCIS-JSON-Schema.json}, loaded once, on first use) with
 * format assertions on (a date-time must be one, a URI one): a document it refuses is a 400 ValidationException
 * naming the JSON pointer of the first failing element, with up to {@link #LISTED} failures listed.
 */
final class CaptureSchema {
    static final String RESOURCE = "/epcis/EPCIS-JSON-Schema.json";
    static final int LISTED = 10;

    private CaptureSchema() {
    }

    private static final class Loaded {
        static final Schema SCHEMA = load();

        private static Schema load() {
            try (InputStream in = CaptureSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("no " + RESOURCE + " on the class path");
                }
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER)
                                .build())).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Refuses {@code json} (a parsed JSON text) when the schema does. */
    static void check(String json) {
        List<Error> errors = Loaded.SCHEMA.validate(json, InputFormat.JSON);
        if (errors.isEmpty()) {
            return;
        }
        JsonArray listed = new JsonArray();
        for (Error e : errors.subList(0, Math.min(LISTED, errors.size()))) {
            listed.add(new JsonObject().put("pointer", pointer(e)).put("message", e.getMessage()));
        }
        Error first = errors.get(0);
        throw EpcisProblems.invalid(pointer(first), "the document does not conform to GS1's EPCIS 2.0 JSON schema at "
                        + (pointer(first).isEmpty() ? "its root" : pointer(first)) + ": " + first.getMessage()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")).with("errors", listed);
    }

    /** The failing element's JSON pointer ("" is the document itself). */
    private static String pointer(Error e) {
        return e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    }
}
