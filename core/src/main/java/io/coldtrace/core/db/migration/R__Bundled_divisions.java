package io.coldtrace.core.db.migration;

import io.coldtrace.core.ids.DivisionList;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seeds the division table (V9_25) from the bundled GB/T 2260 subset ({@link DivisionList#BUNDLED}, the file
 * {@code core.ids.DivisionNames} reads too): the codes the table lacks are added, as one import of source
 * {@code seed} with a change row each; rows already there (a national list imported since) are left as they are.
 * Repeatable: Flyway runs it again whenever the bundled file changes (its checksum is the file's CRC-32).
 */
public class R__Bundled_divisions extends BaseJavaMigration {
    private static final String IMPORT = """
            INSERT INTO division_import (source, imported_by, file_sha256, rows, added, renamed, flags_changed)
            VALUES ('seed', 'bundled GB/T 2260 subset', ?, ?, ?, 0, 0) RETURNING id, imported_at""";
    private static final String DIVISION = """
            INSERT INTO division (code, name, level, parent_code, poverty_alleviated, key_assistance, import_id,
                                  updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String CHANGE = """
            INSERT INTO division_change (code, import_id, changed_at, name_new, poverty_alleviated_new,
                                         key_assistance_new)
            VALUES (?, ?, ?, ?, ?, ?)""";

    @Override
    public Integer getChecksum() {
        return DivisionList.bundledChecksum();
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<DivisionList.Row> rows = DivisionList.bundled();
        Set<String> known = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM division")) {
            while (rs.next()) {
                known.add(rs.getString(1));
            }
        }
        // sorted by code, so a province comes before its cities and a city before its counties
        List<DivisionList.Row> missing = rows.stream().filter(r -> !known.contains(r.code().code()))
                .sorted(java.util.Comparator.comparing(r -> r.code().code())).toList();
        if (missing.isEmpty()) {
            return;
        }
        rows.forEach(r -> known.add(r.code().code()));
        long importId;
        java.sql.Timestamp at;
        try (PreparedStatement ps = c.prepareStatement(IMPORT)) {
            ps.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(DivisionList.bundledFile())));
            ps.setInt(2, rows.size());
            ps.setInt(3, missing.size());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                importId = rs.getLong(1);
                at = rs.getTimestamp(2);
            }
        }
        try (PreparedStatement d = c.prepareStatement(DIVISION); PreparedStatement ch = c.prepareStatement(CHANGE)) {
            for (DivisionList.Row r : missing) {
                String code = r.code().code();
                d.setString(1, code);
                d.setString(2, r.name());
                d.setString(3, r.code().level().name().toLowerCase(java.util.Locale.ROOT));
                d.setString(4, DivisionList.parentOf(r.code(), known::contains));
                d.setBoolean(5, r.povertyAlleviated());
                d.setBoolean(6, r.keyAssistance());
                d.setLong(7, importId);
                d.setTimestamp(8, at);
                d.addBatch();
                ch.setString(1, code);
                ch.setLong(2, importId);
                ch.setTimestamp(3, at);
                ch.setString(4, r.name());
                ch.setBoolean(5, r.povertyAlleviated());
                ch.setBoolean(6, r.keyAssistance());
                ch.addBatch();
            }
            d.executeBatch();
            ch.executeBatch();
        }
    }
}
