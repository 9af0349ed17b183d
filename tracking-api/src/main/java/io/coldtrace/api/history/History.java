package io.coldtrace.api.history;

import java.util.List;

/** A unit's history over a range: the points at the chosen resolution and the alarms overlapping the range. */
record History(UnitInfo unit, HistoryRange range, List<HistoryPoint> points, List<AlarmRow> alarms) {
}
