package io.coldtrace.core.quality;

import static io.coldtrace.core.quality.Exposure.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Q10 and Arrhenius shelf-life models against the vectors of docs/domain.md §4. */
class ShelfLifeTest {
    private static final Q10ShelfLife FOURTEEN_DAYS_AT_0 = new Q10ShelfLife(14, 0, 3);
    private static final List<Exposure> JOURNEY = List.of(hours(2, 48), hours(10, 12), hours(4, 24));

    @Test
    void fourteenDaysAt20WithQ10Of2_5Is60_7DaysAt4() {
        assertThat(new Q10ShelfLife(14, 20, 2.5).shelfLifeDays(4)).isCloseTo(60.7, within(0.05));
    }

    @Test
    void theJourneyUses5_54DaysAndLeaves8_5At0Or5_4At4() {
        assertThat(FOURTEEN_DAYS_AT_0.daysUsed(JOURNEY)).isCloseTo(5.54, within(0.005));
        assertThat(FOURTEEN_DAYS_AT_0.remainingDays(JOURNEY, 0)).isCloseTo(8.5, within(0.05));
        assertThat(FOURTEEN_DAYS_AT_0.remainingDays(JOURNEY, 4)).isCloseTo(5.4, within(0.06));
    }

    @Test
    void twelveHoursAt10CostOneAndAHalfDays() {
        assertThat(FOURTEEN_DAYS_AT_0.daysUsed(List.of(hours(10, 12)))).isCloseTo(1.5, within(0.005));
    }

    @Test
    void arrhenius21DaysAt5WithEa100KjIsAbout46_3DaysAt0() {
        ArrheniusShelfLife model = new ArrheniusShelfLife(21, 5, 100_000);
        assertThat(model.shelfLifeDays(0)).isCloseTo(46.3, within(0.05));
        assertThat(model.shelfLifeDays(5)).isCloseTo(21, within(1e-9));
        assertThat(model.daysUsed(List.of(hours(0, 46.3 * 24)))).isCloseTo(21, within(0.05));
    }

    @Test
    void atTheReferenceTemperatureLifeIsUsedDayForDayAndNeverGoesBelowZero() {
        assertThat(FOURTEEN_DAYS_AT_0.daysUsed(List.of(hours(0, 72)))).isCloseTo(3, within(1e-9));
        assertThat(FOURTEEN_DAYS_AT_0.remainingDays(List.of(hours(20, 24 * 10)), 0)).isZero();
        assertThat(FOURTEEN_DAYS_AT_0.fractionUsed(List.of())).isZero();
    }

    @Test
    void badParametersAreRefused() {
        assertThatThrownBy(() -> new Q10ShelfLife(0, 0, 3)).hasMessageContaining("reference shelf life");
        assertThatThrownBy(() -> new Q10ShelfLife(14, 0, 1)).hasMessageContaining("Q10");
        assertThatThrownBy(() -> new ArrheniusShelfLife(21, -300, 100_000)).hasMessageContaining("absolute zero");
        assertThatThrownBy(() -> new ArrheniusShelfLife(21, 5, -1)).hasMessageContaining("activation energy");
    }
}
