package io.coldtrace.simulator.business;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of the business plan: the body of {@code POST /api/v1/events} to send once the clock reaches {@code at}.
 * A receive's {@code handover_temp_c} is read when it is posted, from the logger of the truck compartment handing
 * the lots over as it arrived (before its doors opened), as the person receiving reads the truck's display; until
 * then the body holds the compartment's setpoint.
 */
public record PlannedEvent(Instant at, String clientEventId, String type, ObjectNode event, Handover handover) {
    /** Where and when the handover temperature is read: the truck compartment's unit, on arrival. */
    public record Handover(String unitId, Instant readAt) {
    }

    public PlannedEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
    }

    /** The type's details ({@code body} of the event). */
    public ObjectNode body() {
        return (ObjectNode) event.get("body");
    }
}
