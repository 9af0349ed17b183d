package io.coldtrace.api.divisions;

import io.coldtrace.api.db.Sql;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.core.ids.DivisionCode;
import io.coldtrace.core.ids.DivisionList;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a list of divisions ({@link DivisionList}'s CSV) into the division table, whole or not at all, in the
 * caller's transaction: every bad line is named (line number and field) and nothing is written; then a division the
 * table lacks is added, one whose name or flags differ is updated, and each of them gets a change row of this import
 * (old and new name and flags), so the flags' history says which county was flagged when. Divisions the file does not
 * name are left as they are (a list may be partial; a division is never deleted). The API route and the
 * {@code import-divisions} command both run it.
 */
final class DivisionImport {
    /** How many bad lines a refusal lists (the message counts them all). */
    static final int MAX_LISTED = 100;

    /** Who imports: source {@code api} (a token's holder) or {@code cli} (the command's {@code --by}). */
    record Importer(String source, String by, Long tokenId) {
    }

    /** What an import did. */
    record Outcome(long importId, Instant importedAt, String by, int rows, int added, int renamed, int flagsChanged) {
        JsonObject toJson() {
            return new JsonObject().put("import_id", importId).put("imported_at", importedAt.toString())
                    .put("imported_by", by).put("rows", rows).put("added", added).put("renamed", renamed)
                    .put("flags_changed", flagsChanged);
        }
    }

    private DivisionImport() {
    }

    /** Imports {@code csv}; a file with a bad line is refused with {@link ClientError#invalidLines}. */
    static Outcome run(Connection c, String csv, Importer who) throws SQLException {
        DivisionList.Parsed parsed = DivisionList.parse(csv);
        refuseIfBad(parsed.errors(), parsed.rows().size());
        DivisionQueries.LOCK.bound().update(c);
        Map<String, DivisionQueries.Current> now = DivisionQueries.CURRENT.bound()
                .list(c, DivisionQueries.Current.MAPPER).stream()
                .collect(Collectors.toMap(DivisionQueries.Current::code, Function.identity()));
        Map<String, DivisionList.Row> file = parsed.rows().stream()
                .collect(Collectors.toMap(r -> r.code().code(), Function.identity()));
        List<DivisionList.LineError> orphans = new ArrayList<>();
        List<Planned> plan = new ArrayList<>();
        for (DivisionList.Row row : parsed.rows()) {
            String parent = DivisionList.parentOf(row.code(), code -> file.containsKey(code) || now.containsKey(code));
            if (parent == null && row.code().level() != DivisionCode.Level.PROVINCE) {
                orphans.add(new DivisionList.LineError(row.line(), "code", "the province " + row.code().province()
                        + " of " + row.code() + " is neither in this file nor in the division table"));
                continue;
            }
            DivisionQueries.Current before = now.get(row.code().code());
            Planned p = new Planned(row, parent, before);
            if (p.changed() || before == null || !java.util.Objects.equals(before.parentCode(), parent)) {
                plan.add(p);
            }
        }
        refuseIfBad(orphans, parsed.rows().size() - orphans.size());
        // a province before its cities, a city before its counties
        plan.sort(Comparator.comparing(p -> p.row().code().code()));
        int added = (int) plan.stream().filter(p -> p.before() == null).count();
        int renamed = (int) plan.stream().filter(p -> p.before() != null && !p.before().name().equals(p.row().name()))
                .count();
        int flags = (int) plan.stream().filter(Planned::flagsChanged).count();
        DivisionQueries.Stamp stamp = DivisionQueries.IMPORT.bind("source", who.source()).bind("by", who.by())
                .bind("token_id", who.tokenId()).bind("sha256", sha256(csv)).bind("rows", parsed.rows().size())
                .bind("added", added).bind("renamed", renamed).bind("flags_changed", flags)
                .first(c, DivisionQueries.Stamp.MAPPER).orElseThrow();
        List<Sql.Bound> upserts = new ArrayList<>();
        List<Sql.Bound> changes = new ArrayList<>();
        for (Planned p : plan) {
            upserts.add(p.upsert(stamp));
            if (p.changed()) {
                changes.add(p.change(stamp));
            }
        }
        DivisionQueries.UPSERT.batch(c, upserts);
        DivisionQueries.CHANGE.batch(c, changes);
        return new Outcome(stamp.id(), stamp.at(), who.by(), parsed.rows().size(), added, renamed, flags);
    }

    /** A row of the file that the table does not hold as it is ({@code before}: the table's, null when new). */
    private record Planned(DivisionList.Row row, String parent, DivisionQueries.Current before) {
        boolean flagsChanged() {
            return before != null && (before.povertyAlleviated() != row.povertyAlleviated()
                    || before.keyAssistance() != row.keyAssistance());
        }

        /** Added, renamed or flagged differently (a new parent alone, from a city added since, is no change). */
        boolean changed() {
            return before == null || !before.name().equals(row.name()) || flagsChanged();
        }

        Sql.Bound upsert(DivisionQueries.Stamp stamp) {
            return DivisionQueries.UPSERT.bind("code", row.code().code()).bind("name", row.name())
                    .bind("level", row.code().level().name().toLowerCase(Locale.ROOT)).bind("parent", parent)
                    .bind("poverty", row.povertyAlleviated()).bind("key", row.keyAssistance())
                    .bind("import_id", stamp.id()).bind("at", stamp.at());
        }

        Sql.Bound change(DivisionQueries.Stamp stamp) {
            return DivisionQueries.CHANGE.bind("code", row.code().code()).bind("import_id", stamp.id())
                    .bind("at", stamp.at()).bind("name_old", before == null ? null : before.name())
                    .bind("name_new", row.name())
                    .bind("poverty_old", before == null ? null : before.povertyAlleviated())
                    .bind("poverty_new", row.povertyAlleviated())
                    .bind("key_old", before == null ? null : before.keyAssistance())
                    .bind("key_new", row.keyAssistance());
        }
    }

    private static void refuseIfBad(List<DivisionList.LineError> errors, int rows) {
        if (errors.isEmpty()) {
            return;
        }
        List<ClientError.AtLine> listed = errors.stream().sorted(Comparator.comparingInt(DivisionList.LineError::line))
                .limit(MAX_LISTED).map(e -> new ClientError.AtLine(e.line(), e.field(), e.message())).toList();
        ClientError.AtLine first = listed.get(0);
        throw ClientError.invalidLines(errors.size() + " bad line" + (errors.size() == 1 ? "" : "s") + " ("
                + rows + " good), nothing was imported; the first: line " + first.line() + ", " + first.field() + ": "
                + first.message() + (errors.size() > MAX_LISTED ? "; the first " + MAX_LISTED + " are listed" : ""),
                listed);
    }

    private static String sha256(String csv) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(csv.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
