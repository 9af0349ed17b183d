package io.coldtrace.api.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A pack's JSON file written as it is read: the same text {@code JsonObject.encodePrettily()} gives for the whole
 * object (Jackson's default pretty printer, values encoded by Vert.x's codec) and a final newline, but one value at a
 * time, so an array of any length never sits whole in memory. Flushed into the entry at the end of each step.
 */
final class PrettyJson implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final OutputStream out;
    private final JsonGenerator gen;

    /** Starts the file's top object. */
    PrettyJson(OutputStream out) throws IOException {
        this.out = out;
        this.gen = FACTORY.createGenerator(out);
        gen.useDefaultPrettyPrinter();
        gen.writeStartObject();
    }

    /** Writes each field of {@code fields} into the object open now. */
    PrettyJson fields(JsonObject fields) throws IOException {
        for (Map.Entry<String, Object> e : fields) {
            gen.writeFieldName(e.getKey());
            JacksonCodec.encodeJson(e.getValue(), gen);
        }
        return this;
    }

    /** Opens an object as field {@code name}. */
    PrettyJson object(String name) throws IOException {
        gen.writeObjectFieldStart(name);
        return this;
    }

    /** Opens an array as field {@code name}. */
    PrettyJson array(String name) throws IOException {
        gen.writeArrayFieldStart(name);
        return this;
    }

    /** Writes an element of the array open now. */
    void item(Object value) {
        JacksonCodec.encodeJson(value, gen);
    }

    /** Hands what is written so far to the entry (end of a step). */
    void flush() throws IOException {
        gen.flush();
    }

    /** Closes every array and object still open and ends the file with a newline. */
    @Override
    public void close() throws IOException {
        gen.close();
        out.write('\n');
    }
}
