package io.coldtrace.api.db;

import io.coldtrace.api.access.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An SQL statement with named parameters ({@code :name}), parsed once (keep it in a constant) and bound by name:
 * values never go into the text, and a name left unbound or bound but unknown fails loudly. {@code ::type} casts,
 * quoted strings and identifiers and {@code --} comments are left alone.
 */
public final class Sql {
    private final String text;
    private final String jdbc;
    private final List<String> order;
    private final Set<String> names;

    private Sql(String text) {
        this.text = text;
        List<String> found = new ArrayList<>();
        this.jdbc = parse(text, found);
        this.order = List.copyOf(found);
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(found));
    }

    /** Parses {@code text}; do it once, in a constant. */
    public static Sql of(String text) {
        return new Sql(text);
    }

    /** The parameter names, in first-use order. */
    public Set<String> names() {
        return names;
    }

    /** The statement as JDBC sees it (with {@code ?}). */
    public String jdbc() {
        return jdbc;
    }

    /** Starts binding values to this statement's names. */
    public Bound bind(String name, Object value) {
        return new Bound().bind(name, value);
    }

    /** Starts binding with the caller's visibility ({@link Visibility#params()}). */
    public Bound bind(Visibility visibility) {
        return new Bound().bind(visibility);
    }

    /** Binds nothing (a statement without parameters). */
    public Bound bound() {
        return new Bound();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Values bound to a statement's names; runs it. */
    public final class Bound {
        private final Map<String, Object> values = new HashMap<>();

        private Bound() {
        }

        public Bound bind(String name, Object value) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("the statement has no parameter :" + name + ": " + text);
            }
            values.put(name, value);
            return this;
        }

        public Bound bind(Visibility visibility) {
            visibility.params().forEach(this::bind);
            return this;
        }

        /** Prepares the statement with every name bound (an Instant binds as timestamptz); the caller closes it. */
        public PreparedStatement prepare(Connection c) throws SQLException {
            requireBound();
            PreparedStatement ps = c.prepareStatement(jdbc);
            try {
                setOn(ps, c);
                return ps;
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        }

        /** Sets every bound value on {@code ps}, a statement of this Sql's text. */
        private void requireBound() {
            for (String n : names) {
                if (!values.containsKey(n)) {
                    throw new IllegalStateException("parameter :" + n + " is not bound: " + text);
                }
            }
        }

        private void setOn(PreparedStatement ps, Connection c) throws SQLException {
            requireBound();
            for (int i = 0; i < order.size(); i++) {
                Object v = values.get(order.get(i));
                Object p = v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : v;
                if (p instanceof java.util.UUID[] ids) {
                    p = c.createArrayOf("uuid", ids);
                } else if (p instanceof String[] texts) {
                    p = c.createArrayOf("text", texts);
                }
                if (p == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
        }

        /** The statement these values are bound to. */
        public Sql sql() {
            return Sql.this;
        }

        /** Every row, mapped. */
        public <T> List<T> list(Connection c, RowMapper<T> mapper) throws SQLException {
            try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }

        /** The first row, mapped, if any. */
        public <T> Optional<T> first(Connection c, RowMapper<T> mapper) throws SQLException {
            try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }

        /** Runs a statement without result rows; the count of rows it changed. */
        public int update(Connection c) throws SQLException {
            try (PreparedStatement ps = prepare(c)) {
                return ps.executeUpdate();
            }
        }
    }

    /**
     * Runs this statement once per row of {@code rows} (each bound to this statement) as one JDBC batch, one round
     * trip (multi-row INSERTs with pgjdbc's {@code reWriteBatchedInserts}); the counts of rows changed.
     */
    public int[] batch(Connection c, List<Bound> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(jdbc)) {
            for (Bound b : rows) {
                if (b.sql() != this) {
                    throw new IllegalArgumentException("a row bound to another statement: " + b.sql());
                }
                b.setOn(ps, c);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /**
     * Runs {@code rows} in their order, each run of consecutive rows of one statement as one {@link #batch}.
     */
    public static void batchAll(Connection c, List<Bound> rows) throws SQLException {
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || rows.get(i).sql() != rows.get(start).sql()) {
                rows.get(start).sql().batch(c, rows.subList(start, i));
                start = i;
            }
        }
    }

    /** Replaces each {@code :name} by {@code ?}, collecting the names in order. */
    private static String parse(String sql, List<String> names) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = sql.indexOf(ch, i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (ch == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (ch == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }
}
