package io.coldtrace.api.events;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The anchor log: one JSON line per anchor ({@link AnchorRow#toJson()}), a file outside the database that this API
 * only ever appends to and forces to disk. A database superuser who rewrites the events, their heads and the anchor
 * table together cannot rewrite this copy from inside the database.
 */
final class AnchorLog {
    /** Appends within this process are serialised; across processes the anchor run's advisory lock does it. */
    private static final Object APPENDING = new Object();

    /** A line of the log: its number (from 1) and the anchor, or why it is not one. */
    record Line(long number, AnchorRow anchor, String unreadable) {
    }

    /** Receives the log's lines a batch at a time; false stops the reading. */
    @FunctionalInterface
    interface Batches {
        boolean accept(List<Line> lines) throws java.sql.SQLException;
    }

    private final Path file;

    AnchorLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Appends {@code anchors} (creating the file and its directory when missing) and forces them to disk. */
    void append(List<AnchorRow> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        anchors.forEach(a -> text.append(a.toJson().encode()).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        synchronized (APPENDING) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    out.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the anchor log " + file, e);
            }
        }
    }

    /**
     * Reads the log in batches of {@code batchSize} lines (constant memory whatever its length); false when there is no
     * log (nothing was anchored yet, or it lives elsewhere).
     */
    boolean read(int batchSize, Batches each) throws java.sql.SQLException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Line> batch = new ArrayList<>(batchSize);
            long number = 0;
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                batch.add(parse(number, text));
                if (batch.size() == batchSize) {
                    if (!each.accept(batch)) {
                        return true;
                    }
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                each.accept(batch);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the anchor log " + file, e);
        }
    }

    private static Line parse(long number, String text) {
        try {
            return new Line(number, AnchorRow.fromJson(new JsonObject(text)), null);
        } catch (DecodeException | IllegalArgumentException e) {
            return new Line(number, null, "anchor log line " + number + " is not an anchor: " + e.getMessage());
        }
    }
}
