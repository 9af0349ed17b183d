package io.coldtrace.simulator.world;

/** Great-circle distance and straight-line interpolation; good enough for positions along a trunk route. */
final class Geo {
    private static final double EARTH_RADIUS_KM = 6371.0;

    private Geo() {
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** Roads are not straight: road distance is taken as 1.25 × the great-circle distance. */
    static double roadKm(Site a, Site b) {
        return 1.25 * distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
    }

    static double lerp(double a, double b, double f) {
        return a + (b - a) * f;
    }
}
