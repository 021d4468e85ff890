import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the fault benchmarks (single-file program, JDK only): sends TOTAL submissions through the
 * API from CLIENTS concurrent clients, each with its own Idempotency-Key. A request that fails without an
 * answer (connection refused or reset, timeout) or with 5xx is retried with the SAME key until it is
 * acknowledged (201 created, or 200 = the first result of that key, after a crash between commit and
 * answer). Clients spread over the base URLs (client c uses url c mod n). Every submission's first
 * attempt starts no earlier than i / RATE seconds after the start (RATE 0 = as fast as possible).
 * Writes "key reference status" per acknowledged submission to ACK_FILE and the number acknowledged so far
 * to PROGRESS_FILE (every 200 ms), so the calling script can crash things at given points.
 * Usage: java CrashSafetyDriver.java <baseUrl[,baseUrl2]> <formKey> <dataFile> <apiKey> <clients> <total> <rate/s>
 *        <maxSeconds> <ackFile> <progressFile>
 */
public class CrashSafetyDriver {

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        String form = args[1];
        String body = Files.readString(Path.of(args[2]));
        String apiKey = args[3];
        int clients = Integer.parseInt(args[4]);
        int total = Integer.parseInt(args[5]);
        double rate = Double.parseDouble(args[6]);
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[7])).toNanos();
        Path ackFile = Path.of(args[8]);
        Path progressFile = Path.of(args[9]);
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        AtomicLong replays = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicInteger gaveUp = new AtomicInteger();
        ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();

        Thread progress = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    writeProgress(progressFile, acknowledged.get());
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                // stopped
            }
        });
        progress.setDaemon(true);
        progress.start();

        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            URI uri = URI.create(bases[c % bases.length] + "/api/v1/forms/" + form + "/submissions");
            Thread client = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                        if (rate > 0) {
                            long due = start + (long) (i / rate * 1e9);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        sent.incrementAndGet();
                        String key = "crash-" + run + "-" + i;
                        long backoff = 100;
                        boolean acked = false;
                        while (!acked && System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            HttpResponse<String> response = send(http, uri, apiKey, key, body);
                            int status = response == null ? 0 : response.statusCode();
                            if (status == 201 || status == 200) {
                                latencies.add(System.nanoTime() - t0);
                                String text = response.body();
                                int at = text.indexOf("\"reference\":\"");
                                acks.add(key + " " + text.substring(at + 13, text.indexOf('"', at + 13)) + " " + status);
                                if (status == 200) {
                                    replays.incrementAndGet();
                                }
                                acknowledged.incrementAndGet();
                                acked = true;
                            } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
                                refused.incrementAndGet();
                                System.err.println("refused " + key + ": " + status + " " + response.body());
                                break;
                            } else {
                                retries.incrementAndGet();
                                Thread.sleep(backoff);
                                backoff = Math.min(2000, backoff * 2);
                            }
                        }
                        if (!acked) {
                            gaveUp.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            client.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        progress.interrupt();
        writeProgress(progressFile, acknowledged.get());
        Files.write(ackFile, acks);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("sent=%d acknowledged=%d replayed=%d retries=%d refused=%d gave_up=%d seconds=%.1f throughput=%.0f/s"
                        + " p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
                sent.get(), acknowledged.get(), replays.get(), retries.get(), refused.get(), gaveUp.get(),
                elapsed, acknowledged.get() / elapsed, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    static HttpResponse<String> send(HttpClient http, URI uri, String apiKey, String key, String body) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    static void writeProgress(Path file, int value) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(value));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
