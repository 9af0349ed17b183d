package io.coldtrace.api.programmes;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.db.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the programme tables (V9_27); reads are limited by the caller's {@link Visibility}. */
final class ProgrammeQueries {
    private static final String VISIBLE = Visibility.owned("p.org_id");
    private static final String CURRENT = "JOIN programme_version v ON v.programme_id = p.id AND v.version = "
            + "(SELECT max(w.version) FROM programme_version w WHERE w.programme_id = p.id)";
    /** Programme writes of one organisation one at a time, so two cannot both pass the overlap check. */
    private static final Sql LOCK_ORG = Sql.of("SELECT 1 FROM org WHERE id = :org FOR UPDATE");
    private static final Sql INSERT = Sql.of("INSERT INTO programme (id, org_id) VALUES (:id, :org)");
    private static final Sql VERSION = Sql.of("""
            INSERT INTO programme_version (programme_id, version, name, target_pct, period_start, period_end,
                                           recorded_by)
            VALUES (:id, :version, :name, :target, :start, :end, :by)""");
    private static final Sql REGION = Sql.of("""
            INSERT INTO programme_region (programme_id, version, division_code) VALUES (:id, :version, :code)""");
    private static final Sql OVERLAPPING = Sql.of("""
            SELECT %s FROM programme p %s
            WHERE p.org_id = :org AND p.id <> :id AND v.period_start <= :end AND v.period_end >= :start
            ORDER BY v.period_start LIMIT 1""".formatted(ProgrammeRow.COLUMNS, CURRENT));
    private static final Sql GET = Sql.of("SELECT %s FROM programme p %s WHERE %s AND p.id = :id"
            .formatted(ProgrammeRow.COLUMNS, CURRENT, VISIBLE));
    private static final Sql LIST = Sql.of("""
            SELECT %s FROM programme p %s
            WHERE %s AND (CAST(:on AS date) IS NULL OR CAST(:on AS date) BETWEEN v.period_start AND v.period_end)
            ORDER BY v.period_start DESC, p.id LIMIT :limit""".formatted(ProgrammeRow.COLUMNS, CURRENT, VISIBLE));
    private static final Sql VERSIONS = Sql.of("""
            SELECT %s FROM programme p JOIN programme_version v ON v.programme_id = p.id
            WHERE %s AND p.id = :id ORDER BY v.version DESC""".formatted(ProgrammeRow.COLUMNS, VISIBLE));
    private static final Sql REGIONS = Sql.of("""
            SELECT r.programme_id, r.version, r.division_code, d.name, d.level
            FROM programme_region r JOIN division d ON d.code = r.division_code
            WHERE r.programme_id = ANY(:ids) ORDER BY r.division_code""");

    private ProgrammeQueries() {
    }

    static void lockOrg(Connection c, String org) throws SQLException {
        LOCK_ORG.bind("org", org).first(c, rs -> true);
    }

    /** Stores a new programme (a duplicate id fails with a unique violation). */
    static void insert(Connection c, Programme p) throws SQLException {
        INSERT.bind("id", p.id()).bind("org", p.orgId()).update(c);
    }

    /** Stores version {@code version} of {@code p}, with its regions. */
    static void insertVersion(Connection c, Programme p, int version, String by) throws SQLException {
        VERSION.bind("id", p.id()).bind("version", version).bind("name", p.name()).bind("target", p.targetPct())
                .bind("start", p.periodStart()).bind("end", p.periodEnd()).bind("by", by).update(c);
        List<Sql.Bound> rows = new ArrayList<>();
        for (String code : p.regions()) {
            rows.add(REGION.bind("id", p.id()).bind("version", version).bind("code", code));
        }
        REGION.batch(c, rows);
    }

    /** Another programme of {@code p}'s organisation whose current period overlaps {@code p}'s. */
    static Optional<ProgrammeRow> overlapping(Connection c, Programme p) throws SQLException {
        return OVERLAPPING.bind("org", p.orgId()).bind("id", p.id()).bind("start", p.periodStart())
                .bind("end", p.periodEnd()).first(c, ProgrammeRow.MAPPER);
    }

    /** The current version of programme {@code id}, if the caller sees it. */
    static Optional<ProgrammeRow> get(Connection c, Visibility vis, String id) throws SQLException {
        Optional<ProgrammeRow> row = GET.bind(vis).bind("id", id).first(c, ProgrammeRow.MAPPER);
        return row.isEmpty() ? row : Optional.of(withRegions(c, List.of(row.get())).get(0));
    }

    /** The current versions the caller sees, of programmes in force on {@code on} (null: any), newest period first. */
    static List<ProgrammeRow> list(Connection c, Visibility vis, LocalDate on, int limit) throws SQLException {
        return withRegions(c, LIST.bind(vis).bind("on", on).bind("limit", limit).list(c, ProgrammeRow.MAPPER));
    }

    /** Every version of programme {@code id}, newest first (empty when the caller does not see it). */
    static List<ProgrammeRow> versions(Connection c, Visibility vis, String id) throws SQLException {
        return withRegions(c, VERSIONS.bind(vis).bind("id", id).list(c, ProgrammeRow.MAPPER));
    }

    private static List<ProgrammeRow> withRegions(Connection c, List<ProgrammeRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<ProgrammeRow.Region>> of = new HashMap<>();
        REGIONS.bind("ids", rows.stream().map(ProgrammeRow::id).distinct().toArray(String[]::new)).list(c, rs -> {
            of.computeIfAbsent(rs.getString("programme_id") + "/" + rs.getInt("version"), k -> new ArrayList<>())
                    .add(new ProgrammeRow.Region(rs.getString("division_code"), rs.getString("name"),
                            rs.getString("level")));
            return Boolean.TRUE;
        });
        return rows.stream().map(r -> r.withRegions(of.getOrDefault(r.id() + "/" + r.version(), List.of()))).toList();
    }
}
