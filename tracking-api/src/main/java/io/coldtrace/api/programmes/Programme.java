package io.coldtrace.api.programmes;

import io.coldtrace.api.http.Check;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.api.http.JsonBody;
import io.coldtrace.core.ids.DivisionCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A programme as a buyer organisation declares it (one version of tables programme_version and programme_region):
 * the paired-assistance regions it supports (GB/T 2260 codes of provinces, cities or counties, as the body lists
 * them, each once), its
 * reserved-share target in percent (0 < target <= 100, at most 2 decimals) and its period, both days included
 * ({@code periodStart} before {@code periodEnd}).
 */
record Programme(String id, String orgId, String name, List<String> regions, BigDecimal targetPct,
                 LocalDate periodStart, LocalDate periodEnd) {
    static final Set<String> UPDATE_FIELDS = Set.of("name", "regions", "target_pct", "period_start", "period_end");
    static final Set<String> CREATE_FIELDS = Set.of("id", "org_id", "name", "regions", "target_pct", "period_start",
            "period_end");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final int MAX_REGIONS = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    Programme {
        Check.matches("id", id, ID, "1..64 of A-Z, a-z, 0-9, _ . -, starting with a letter or digit");
        Check.optText("org_id", orgId, 64);
        Check.text("name", name, 200);
        if (targetPct == null || targetPct.signum() <= 0 || targetPct.compareTo(HUNDRED) > 0
                || targetPct.stripTrailingZeros().scale() > 2) {
            throw ClientError.invalid("target_pct", "target_pct is the reserved share in percent: more than 0, at "
                    + "most 100, at most 2 decimals (e.g. 30); was " + (targetPct == null ? "none"
                    : targetPct.toPlainString()));
        }
        if (!periodStart.isBefore(periodEnd)) {
            throw ClientError.invalid("period_end", "period_end (" + periodEnd + ") must be after period_start ("
                    + periodStart + "); both days are in the period, e.g. 2021-01-01 to 2021-12-31");
        }
        regions = List.copyOf(regions);
    }

    /** A new programme as the body ({@link #CREATE_FIELDS}) declares it. */
    static Programme from(JsonBody b) {
        return new Programme(b.text("id", 64), b.optText("org_id", 64), b.text("name", 200), regions(b),
                target(b), b.date("period_start"), b.date("period_end"));
    }

    /** The next version of programme {@code id} of {@code org}, as the body ({@link #UPDATE_FIELDS}) declares it. */
    static Programme next(JsonBody b, String id, String org) {
        return new Programme(id, org, b.text("name", 200), regions(b), target(b), b.date("period_start"),
                b.date("period_end"));
    }

    Programme ownedBy(String org) {
        return new Programme(id, org, name, regions, targetPct, periodStart, periodEnd);
    }

    /** Whether {@code v} declares what this does (then an update records no new version). */
    boolean sameAs(ProgrammeRow v) {
        return name.equals(v.name()) && targetPct.compareTo(v.targetPct()) == 0 && periodStart.equals(v.periodStart())
                && periodEnd.equals(v.periodEnd())
                && regions.stream().sorted().toList()
                        .equals(v.regions().stream().map(ProgrammeRow.Region::code).sorted().toList());
    }

    /**
     * The codes of {@code regions} in the body's order, each well-formed and listed once (whether the division table
     * holds them is checked when stored).
     */
    private static List<String> regions(JsonBody b) {
        List<String> raw = b.texts("regions", MAX_REGIONS, 6);
        List<String> codes = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String code;
            try {
                code = new DivisionCode(raw.get(i).strip()).code();
            } catch (IllegalArgumentException e) {
                throw ClientError.invalid("regions[" + i + "]", e.getMessage());
            }
            if (codes.contains(code)) {
                throw ClientError.invalid("regions[" + i + "]", code + " is listed twice");
            }
            codes.add(code);
        }
        return codes;
    }

    private static BigDecimal target(JsonBody b) {
        if (!b.has("target_pct")) {
            throw ClientError.invalid("target_pct", "target_pct is required: the reserved share in percent, e.g. 30");
        }
        Double v = b.optNumber("target_pct");
        return v == null ? null : new BigDecimal(v.toString());
    }
}
