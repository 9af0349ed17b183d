package io.coldtrace.simulator.world;

/** Role of a site in the chain; the id prefix appears in device ids and topics. */
public enum SiteKind {
    /** 产地仓: cold store at the growing area. */
    ORIGIN("ORG"),
    /** 集配中心: consolidation / distribution centre. */
    CONSOLIDATION("DC"),
    /** 前置仓: forward warehouse close to buyers. */
    FORWARD("FWD");

    private final String prefix;

    SiteKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
