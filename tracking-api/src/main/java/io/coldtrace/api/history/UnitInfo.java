package io.coldtrace.api.history;

import io.coldtrace.core.quality.Band;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A unit with what its histories and records show about it: site, organisation, the limit profile that judges it.
 *
 * @param orgId    owning organisation through the site; null when the unit has no site (then only an unscoped admin
 *                 sees it)
 * @param timezone the site's time zone (UTC without a site)
 * @param probe    the probe the profile judges (air when there is no profile)
 * @param band     the profile's limits (all null without a profile)
 */
public record UnitInfo(String id, String name, String kind, String tempClass, String siteId, String siteName,
                       String orgId, String orgName, ZoneId timezone, String profileId, String profileName,
                       String probe, Band band) {
    public UnitInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(band, "band");
    }

    /** Frozen goods: MKT does not apply (USP &lt;1079.2&gt;). */
    public boolean frozen() {
        return "frozen".equals(tempClass);
    }
}
