package org.formularium.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/** Runs the PDF receipt benchmark and appends average, p99 and allocation per PDF to BENCHMARKS.md. */
public final class PdfBenchmarkMain {

    private PdfBenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Options options = new OptionsBuilder()
                .include("org.formularium.document.ReceiptRenderingBenchmark")
                .forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(2))
                .measurementIterations(10).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g")
                .addProfiler(GCProfiler.class)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double average = Double.NaN;
        double p99 = Double.NaN;
        double p50 = Double.NaN;
        double allocation = Double.NaN;
        for (RunResult run : results) {
            BenchmarkResult aggregate = run.getAggregatedResult();
            Result primary = aggregate.getPrimaryResult();
            switch (run.getParams().getMode()) {
                case AverageTime -> {
                    average = primary.getScore();
                    Result alloc = aggregate.getSecondaryResults().get("gc.alloc.rate.norm");
                    if (alloc == null) {
                        alloc = aggregate.getSecondaryResults().get("·gc.alloc.rate.norm");
                    }
                    if (alloc != null) {
                        allocation = alloc.getScore();
                    }
                }
                case SampleTime -> {
                    var stats = primary.getStatistics();
                    p50 = stats.getPercentile(50);
                    p99 = stats.getPercentile(99);
                }
                default -> { }
            }
        }
        String figures = String.format(Locale.ROOT,
                "| PDF receipt (2 pages, PDF/A-3a + PDF/UA-1, JSON+XML embedded) | average %.2f ms | p50 %.2f ms | p99 %.2f ms | %.2f MB allocated per PDF |",
                average, p50, p99, allocation / (1024 * 1024));
        System.out.println(figures);
        BenchmarkReport.append(report, "PDF receipt rendering (JMH)",
                "mvn -Pbench-pdf verify -DskipTests -DskipBrowserTests",
                "JMH 1.37, 1 fork, 5×2 s warm-up, 10×2 s measurement, modes AverageTime and SampleTime, -prof gc, -Xmx1g; target ≤ 20 ms average",
                "| benchmark | average | p50 | p99 | allocation |\n|---|---|---|---|---|\n" + figures);
    }
}
