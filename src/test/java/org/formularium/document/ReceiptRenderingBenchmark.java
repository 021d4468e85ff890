package org.formularium.document;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * JMH: one two-page PDF/A-3a + PDF/UA-1 receipt (42 rows, a repeating group, logo, two attachments, JSON
 * and XML embedded). Run with {@code mvn -Pbench-pdf verify -DskipTests -DskipBrowserTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReceiptRenderingBenchmark {

    private ReceiptRenderer renderer;
    private Receipt receipt;

    @Setup
    public void setUp() {
        renderer = new ReceiptRenderer();
        receipt = ReceiptFixtures.twoPageReceipt();
    }

    @Benchmark
    public byte[] twoPageReceipt() {
        return renderer.render(receipt);
    }
}
