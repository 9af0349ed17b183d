package io.coldtrace.api.parties;

import io.coldtrace.api.db.RowMapper;
import io.coldtrace.api.db.Rows;
import io.vertx.core.json.JsonObject;
import io.coldtrace.core.ids.DivisionCode;
import io.coldtrace.core.ids.DivisionNames;
import java.time.Instant;
import java.util.Locale;

/** A stored party, as the API shows it. */
public record PartyRow(String id, String orgId, String kind, String buyerType, String nameZh, String nameEn,
                       String divisionCode, String province, String city, String county,
                       boolean povertyAlleviatedCounty, boolean pairedAssistanceCounty, String uscc, String gln,
                       Instant createdAt) {
    /** The columns {@link #MAPPER} reads, for a query over {@code party p}. */
    static final String COLUMNS = """
            p.id, p.org_id, p.kind, p.buyer_type, p.name_zh, p.name_en, p.division_code, p.province, p.city, \
            p.county, p.poverty_alleviated_county, p.paired_assistance_county, p.uscc, p.gln, p.created_at""";

    static final RowMapper<PartyRow> MAPPER = rs -> new PartyRow(rs.getString("id"), rs.getString("org_id"),
            rs.getString("kind"), rs.getString("buyer_type"), rs.getString("name_zh"), rs.getString("name_en"),
            rs.getString("division_code"), rs.getString("province"), rs.getString("city"), rs.getString("county"),
            rs.getBoolean("poverty_alleviated_county"), rs.getBoolean("paired_assistance_county"),
            rs.getString("uscc"), rs.getString("gln"), Rows.instant(rs, "created_at"));

    /**
     * How deep the bundled GB/T 2260 table checked the region's names: {@code county} (the county's code is in the
     * table), {@code city} (only its city's) or {@code province} (only its province's: the table is a subset).
     */
    public String regionChecked() {
        return DivisionNames.bundled().known(new DivisionCode(divisionCode)).name().toLowerCase(Locale.ROOT);
    }

    /** The JSON of the API. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("org_id", orgId).put("kind", kind).put("buyer_type", buyerType)
                .put("name_zh", nameZh).put("name_en", nameEn).put("division_code", divisionCode)
                .put("province", province).put("city", city).put("county", county)
                .put("region_checked", regionChecked())
                .put("poverty_alleviated_county", povertyAlleviatedCounty)
                .put("paired_assistance_county", pairedAssistanceCounty).put("uscc", uscc).put("gln", gln)
                .put("created_at", Rows.iso(createdAt));
    }
}
