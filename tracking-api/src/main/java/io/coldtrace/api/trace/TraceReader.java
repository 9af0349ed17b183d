package io.coldtrace.api.trace;

import io.coldtrace.api.access.Visibility;
import io.coldtrace.api.custody.Custody;
import io.coldtrace.api.custody.Leg;
import io.coldtrace.api.db.Rows;
import io.coldtrace.api.events.LotRecordCheck;
import io.coldtrace.api.trace.TraceView.Cert;
import io.coldtrace.api.trace.TraceView.Origin;
import io.coldtrace.api.trace.TraceView.Step;
import io.coldtrace.core.ids.TraceCode;
import io.coldtrace.core.quality.ClassBand;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the buyer's page shows for a code: the lot (by trace code, else by external code), its origins and
 * certifications, its journey from the custody legs (ancestors' too) and its own hand-overs, each monitored leg's
 * verdict and downsampled chart, the remaining shelf life, and the check of its events' hashes.
 */
final class TraceReader {
    /** Where an event has no offset (never, in the ledger) and dates are judged: the country the goods are sold in. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A lot found by a code, with only the fields the page may use. */
    record TracedLot(UUID id, String orgId, String code, String traceCode, Instant bornAt, String bornOffset,
                     boolean withdrawn, Instant recalledAt, String productId, TraceView.Product product,
                     String tempClass) {
    }

    private TraceReader() {
    }

    /** The lot of {@code code}: a trace code in any form {@link TraceCode#parse} reads, or an external code. */
    static Optional<TracedLot> find(Connection c, String code) throws SQLException {
        if (code == null || code.isEmpty() || code.length() > 128) {
            return Optional.empty();
        }
        try {
            Optional<TracedLot> lot = TraceSql.BY_TRACE_CODE.bind("code", TraceCode.parse(code).value())
                    .first(c, TraceReader::lot);
            if (lot.isPresent()) {
                return lot;
            }
        } catch (IllegalArgumentException notATraceCode) {
            // an external code, or nothing
        }
        return TraceSql.BY_EXTERNAL_CODE.bind("code", code).first(c, TraceReader::lot);
    }

    private static TracedLot lot(java.sql.ResultSet rs) throws SQLException {
        return new TracedLot(rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getString("code"),
                rs.getString("trace_code"), Rows.instant(rs, "born_at"), rs.getString("event_tz_offset"),
                rs.getBoolean("withdrawn"), Rows.instant(rs, "recalled_at"), rs.getString("product_id"), new TraceView.Product(rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("commodity"), rs.getString("variety")),
                rs.getString("temp_class"));
    }

    /** Everything the page shows of {@code lot}, as of {@code now}. */
    static TraceView view(Connection c, TracedLot lot, Instant now) throws SQLException {
        Custody.Report custody = Custody.summary(c, Visibility.org(lot.orgId()), lot.id().toString(), now)
                .orElseThrow();
        ClassBand band = ClassBand.of(lot.tempClass());
        List<Origin> origins = new ArrayList<>();
        List<String> parties = new ArrayList<>();
        Map<String, Origin> byPlot = new HashMap<>();
        TraceSql.ORIGINS.bind("roots", new java.util.UUID[] {lot.id()}).list(c, rs -> {
            Instant harvested = Rows.instant(rs, "born_at");
            Origin o = new Origin(rs.getString("party_kind"), rs.getString("name_zh"), rs.getString("name_en"),
                    rs.getString("province"), rs.getString("city"), rs.getString("county"),
                    rs.getBoolean("poverty_alleviated_county"), rs.getBoolean("paired_assistance_county"),
                    rs.getString("plot_name"), local(harvested, rs.getString("event_tz_offset")).toLocalDate(),
                    rs.getString("grower_name"));
            if (rs.getString("party_id") != null) {
                parties.add(rs.getString("party_id"));
            }
            if (!origins.contains(o)) {
                origins.add(o);
            }
            byPlot.put(rs.getString("plot_name"), o);
            return o;
        });
        LocalDate today = LocalDate.now(CHINA.getRules().getOffset(now));
        List<Cert> certs = TraceSql.CERTIFICATIONS.bind("org", lot.orgId())
                .bind("parties", parties.stream().distinct().toArray(String[]::new)).bind("product", lot.productId())
                .list(c, rs -> {
                    LocalDate from = rs.getObject("valid_from", LocalDate.class);
                    LocalDate to = rs.getObject("valid_to", LocalDate.class);
                    String status = today.isAfter(to) ? "expired" : today.isBefore(from) ? "not_yet_valid" : "valid";
                    return new Cert(rs.getString("kind"), rs.getString("number"), rs.getString("issuer"), from, to,
                            status);
                });
        // what holds today first, then what will, then what lapsed (in the database's order within each)
        certs.sort(Comparator.comparingInt(cert -> List.of("valid", "not_yet_valid", "expired").indexOf(cert.status())));
        List<Step> journey = new ArrayList<>(Journey.legs(c, lot, custody, byPlot));
        journey.addAll(Journey.handovers(c, lot));
        // by time; a hand-over before a leg that starts at the same moment (received, then at the dock)
        journey.sort(Comparator.comparing((Step s) -> s.from().toInstant())
                .thenComparing(s -> s.verdict() != null));
        List<UUID> events = LotRecordCheck.lineageEvents(c, lot.id());
        LotRecordCheck.Result check = LotRecordCheck.verify(c, events);
        Custody.ShelfLife s = custody.shelfLife();
        TraceView.Shelf shelf = s == null ? null : new TraceView.Shelf(s.remainingDays(), s.plannedC(),
                s.predictedExpiry().atZone(CHINA).toLocalDate());
        return new TraceView(TraceCode.parse(lot.traceCode()).grouped(), lot.code(), lot.product(),
                local(lot.bornAt(), lot.bornOffset()), lot.withdrawn(),
                lot.recalledAt() == null ? null : new TraceView.Recall(lot.recalledAt().atZone(CHINA).toLocalDate()),
                origins, certs, journey, shelf,
                new TraceView.Verification(check.verified(), check.checked()),
                new TraceView.Band(band.tempClass(), band.low(), band.high()));
    }

    /** {@code t} at the offset the event recorded, or China's when there is none. */
    static OffsetDateTime local(Instant t, String offset) {
        if (t == null) {
            return null;
        }
        ZoneOffset z = offset == null ? CHINA.getRules().getOffset(t) : ZoneOffset.of(offset);
        return t.atOffset(z);
    }

    /** Leg start and end as the page shows them (an open leg has no end). */
    static OffsetDateTime[] span(Leg leg, String offset) {
        return new OffsetDateTime[] {local(leg.from(), offset), leg.open() ? null : local(leg.to(), offset)};
    }
}
