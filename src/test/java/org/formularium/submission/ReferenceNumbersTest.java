package org.formularium.submission;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceNumbersTest {

    @Test
    void numbersAreFetchedInBlocksAndHandedOutOnceEachUnderConcurrency() throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicInteger fetches = new AtomicInteger();
        ReferenceNumbers numbers = new ReferenceNumbers(count -> {
            fetches.incrementAndGet();
            return LongStream.rangeClosed(1, count).map(i -> sequence.incrementAndGet()).boxed().toList();
        });
        List<Long> handedOut = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 1_000; i++) {
            pool.execute(() -> handedOut.add(numbers.next()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        Set<Long> distinct = new HashSet<>(handedOut);
        assertThat(distinct).hasSize(1_000);
        assertThat(distinct).allMatch(n -> n >= 1 && n <= 1_000);
        assertThat(fetches.get()).isEqualTo(1_000 / ReferenceNumbers.BLOCK);
    }

    @Test
    void references_have_the_year_and_at_least_six_digits() {
        assertThat(ReferenceNumbers.format(2026, 123)).isEqualTo("FM-2026-000123");
        assertThat(ReferenceNumbers.format(2026, 0)).isEqualTo("FM-2026-000000");
        assertThat(ReferenceNumbers.format(2027, 1234567)).isEqualTo("FM-2027-1234567");
    }
}
