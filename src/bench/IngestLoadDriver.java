import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the submission API (single-file program, JDK only): C concurrent clients POST the same
 * valid answers with a fresh Idempotency-Key each for T seconds. Prints throughput, latency percentiles
 * and error counts, and writes the acknowledged references to a file so the caller can check the database.
 * Usage: java IngestLoadDriver.java <baseUrl> <formKey> <dataFile> <apiKey> <clients> <seconds> <referencesOut>
 */
public class IngestLoadDriver {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String form = args[1];
        String body = Files.readString(Path.of(args[2]));
        String key = args[3];
        int clients = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        Path referencesOut = Path.of(args[6]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/api/v1/forms/" + form + "/submissions");
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> references = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        // warm-up: 200 requests, not counted
        for (int i = 0; i < 200; i++) {
            send(http, uri, key, body);
        }
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = send(http, uri, key, body);
                        long t1 = System.nanoTime();
                        if (response != null && response.statusCode() == 201) {
                            latencies.add(t1 - t0);
                            String text = response.body();
                            int i = text.indexOf("\"reference\":\"");
                            references.add(text.substring(i + 13, text.indexOf('"', i + 13)));
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Files.write(referencesOut, references);
        System.out.printf("clients=%d seconds=%.1f acknowledged=%d errors=%d throughput=%.0f/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
                clients, elapsed, sorted.size(), errors.get(), sorted.size() / elapsed,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    static HttpResponse<String> send(HttpClient http, URI uri, String key, String body) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
