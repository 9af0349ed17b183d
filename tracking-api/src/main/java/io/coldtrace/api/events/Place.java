package io.coldtrace.api.events;

/** Where a quantity of a lot is: a unit (cold room, truck compartment), a site outside any unit, a farm plot. */
public record Place(String kind, String id) {
    public static Place unit(String id) {
        return new Place("unit", id);
    }

    public static Place site(String id) {
        return new Place("site", id);
    }

    public static Place plot(String id) {
        return new Place("plot", id);
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
