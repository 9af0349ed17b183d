package io.coldtrace.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void aVersion7IdCarriesItsMillisecondAndSortsAfterEarlierOnes() {
        long t = Instant.parse("2026-12-02T08:00:00.123Z").toEpochMilli();
        UUID id = TimeOrderedIds.at(t);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.millis(id)).isEqualTo(t);
        // RFC 9562 §5.7: the first 48 bits are the Unix time in milliseconds, big-endian, as the text form shows them
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", t >>> 16, t & 0xFFFF));
        // ids of later milliseconds compare greater as text, which is how PostgreSQL orders uuid
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(TimeOrderedIds.at(t + i).toString());
        }
        assertThat(ids).isSorted();
        assertThat(new HashSet<>(ids)).hasSize(1000);
    }

    @Test
    void aDerivedIdKeepsItsSourcesTimeAndIsTheSameForTheSameName() {
        UUID event = TimeOrderedIds.at(1_700_000_000_000L);
        UUID lot = TimeOrderedIds.derived(event, "L1");
        assertThat(lot.version()).isEqualTo(8);
        assertThat(lot.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.millis(lot)).isEqualTo(1_700_000_000_000L);
        assertThat(TimeOrderedIds.derived(event, "L1")).isEqualTo(lot);
        assertThat(TimeOrderedIds.derived(event, "L2")).isNotEqualTo(lot);
        assertThat(TimeOrderedIds.derived(TimeOrderedIds.at(1_700_000_000_000L), "L1")).isNotEqualTo(lot);
    }
}
