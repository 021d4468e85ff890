package org.formularium.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestPressureTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void restsFourTimesTheWorkWhenTheLastSecondWasBusy() {
        IngestPressure pressure = new IngestPressure(20, 0.2);
        for (int i = 0; i < 25; i++) {
            pressure.record(10 * SECOND + i * 1_000_000L);
        }
        // still inside the busy second: it is not over yet, so it is judged once complete
        assertThat(pressure.pauseAfter(5_000_000, 11 * SECOND + 1)).isEqualTo(20_000_000);
        pressure.record(11 * SECOND + 2);
        assertThat(pressure.pauseAfter(5_000_000, 11 * SECOND + 3)).isEqualTo(20_000_000);
    }

    @Test
    void doesNotRestWhenFewSubmissionsArriveOrTheBusySecondIsLongPast() {
        IngestPressure pressure = new IngestPressure(20, 0.2);
        for (int i = 0; i < 5; i++) {
            pressure.record(10 * SECOND + i);
        }
        assertThat(pressure.pauseAfter(5_000_000, 11 * SECOND)).isZero();
        for (int i = 0; i < 30; i++) {
            pressure.record(12 * SECOND + i);
        }
        assertThat(pressure.pauseAfter(5_000_000, 13 * SECOND)).isPositive();
        assertThat(pressure.pauseAfter(5_000_000, 15 * SECOND)).isZero();
    }

    @Test
    void pausesAreBoundedAndAShareOfOneNeverPauses() {
        IngestPressure busy = new IngestPressure(1, 0.1);
        busy.record(SECOND);
        assertThat(busy.pauseAfter(10 * SECOND, 2 * SECOND)).isEqualTo(SECOND);
        IngestPressure never = new IngestPressure(1, 1.0);
        never.record(SECOND);
        assertThat(never.pauseAfter(SECOND, 2 * SECOND)).isZero();
    }
}
