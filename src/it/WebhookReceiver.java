import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver for the multi-instance test and the fault benchmarks (single-file program, JDK only):
 * listens on 127.0.0.1:PORT, checks each event's signature with the webhook's secret, answers 204 and
 * appends one line per received request to EVENTS_FILE: {@code <reference> <event id> <type> <signature ok|bad>}.
 * The callers count the lines per reference (delivered once, twice, never).
 * Usage: java WebhookReceiver.java <port> <secret> <eventsFile>
 */
public class WebhookReceiver {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        OutputStream events = new FileOutputStream(args[2], true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst("Formularium-Event-Id");
            String signature = exchange.getRequestHeaders().getFirst("Formularium-Signature");
            String line = find(REFERENCE, body) + " " + eventId + " " + find(TYPE, body) + " "
                    + (valid(secret, signature, body) ? "ok" : "bad") + "\n";
            synchronized (events) {
                events.write(line.getBytes(StandardCharsets.UTF_8));
                events.flush();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("webhook receiver on 127.0.0.1:" + port);
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : "-";
    }

    /** Formularium-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>. */
    private static boolean valid(byte[] secret, String header, String body) {
        if (header == null || !header.startsWith("t=") || !header.contains(",v1=")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf(",v1=") + 4);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), v1.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return false;
        }
    }
}
