package io.coldtrace.api.divisions;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** SQL of the division tables (V9_25); divisions belong to no organisation, every signed-in person reads them. */
final class DivisionQueries {
    /** A division as an import compares it. */
    record Current(String code, String name, boolean povertyAlleviated, boolean keyAssistance, String parentCode) {
        static final RowMapper<Current> MAPPER = rs -> new Current(rs.getString("code"), rs.getString("name"),
                rs.getBoolean("poverty_alleviated"), rs.getBoolean("key_assistance"), rs.getString("parent_code"));
    }

    /** The import's row: its id and time. */
    record Stamp(long id, Instant at) {
        static final RowMapper<Stamp> MAPPER = rs -> new Stamp(rs.getLong("id"), Rows.instant(rs, "imported_at"));
    }

    /** Imports one at a time; reads go on (a reader sees the table before or after an import, never half of it). */
    static final Sql LOCK = Sql.of("LOCK TABLE division IN EXCLUSIVE MODE");
    static final Sql CURRENT = Sql.of("""
            SELECT code, name, poverty_alleviated, key_assistance, parent_code FROM division""");
    static final Sql IMPORT = Sql.of("""
            INSERT INTO division_import (source, imported_by, token_id, file_sha256, rows, added, renamed,
                                         flags_changed)
            VALUES (:source, :by, :token_id, :sha256, :rows, :added, :renamed, :flags_changed)
            RETURNING id, imported_at""");
    static final Sql UPSERT = Sql.of("""
            INSERT INTO division (code, name, level, parent_code, poverty_alleviated, key_assistance, import_id,
                                  updated_at)
            VALUES (:code, :name, :level, :parent, :poverty, :key, :import_id, :at)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code,
                poverty_alleviated = EXCLUDED.poverty_alleviated, key_assistance = EXCLUDED.key_assistance,
                import_id = EXCLUDED.import_id, updated_at = EXCLUDED.updated_at""");
    static final Sql CHANGE = Sql.of("""
            INSERT INTO division_change (code, import_id, changed_at, name_old, name_new, poverty_alleviated_old,
                                         poverty_alleviated_new, key_assistance_old, key_assistance_new)
            VALUES (:code, :import_id, :at, :name_old, :name_new, :poverty_old, :poverty_new, :key_old, :key_new)""");
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM division d
            WHERE (CAST(:parent AS text) IS NULL OR d.parent_code = CAST(:parent AS text))
              AND (CAST(:level AS text) IS NULL OR d.level = CAST(:level AS text))
              AND (CAST(:flag AS text) IS NULL
                   OR (CAST(:flag AS text) = 'poverty_alleviated' AND d.poverty_alleviated)
                   OR (CAST(:flag AS text) = 'key_assistance' AND d.key_assistance))
              AND (CAST(:prefix AS text) IS NULL OR starts_with(d.code, CAST(:prefix AS text)))
              AND (CAST(:name AS text) IS NULL OR strpos(d.name, CAST(:name AS text)) > 0)
              AND (CAST(:after AS text) IS NULL OR d.code > CAST(:after AS text))
            ORDER BY d.code LIMIT :limit""".formatted(DivisionRow.COLUMNS));
    private static final Sql CHANGES = Sql.of("""
            SELECT %s FROM division_change c JOIN division_import i ON i.id = c.import_id
            WHERE (CAST(:code AS text) IS NULL OR c.code = CAST(:code AS text))
              AND (CAST(:import_id AS bigint) IS NULL OR c.import_id = CAST(:import_id AS bigint))
            ORDER BY c.changed_at DESC, c.id DESC LIMIT :limit""".formatted(DivisionChangeRow.COLUMNS));

    private DivisionQueries() {
    }

    static List<DivisionRow> list(Connection c, DivisionFilter f, int limit) throws SQLException {
        return LIST.bind("parent", f.parent()).bind("level", f.level()).bind("flag", f.flag())
                .bind("prefix", f.codePrefix()).bind("name", f.name()).bind("after", f.after()).bind("limit", limit)
                .list(c, DivisionRow.MAPPER);
    }

    /** Changes newest first, of one division ({@code code}) and/or one import ({@code importId}), either null. */
    static List<DivisionChangeRow> changes(Connection c, String code, Long importId, int limit) throws SQLException {
        return CHANGES.bind("code", code).bind("import_id", importId).bind("limit", limit)
                .list(c, DivisionChangeRow.MAPPER);
    }
}
