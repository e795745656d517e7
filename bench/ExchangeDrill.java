import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For bench/fault-drill.sh r3: both ends of a push subscription.
 *
 * <pre>
 * java ExchangeDrill receive PORT DIR          a subscriber's webhook (POST any path)
 * java ExchangeDrill publish BASE TOKEN RESOURCE FROM COUNT   change records FROM..FROM+COUNT-1, batches of 100
 * </pre>
 *
 * The receiver applies each change once by its idempotencyKey, as docs/SHARING.md asks of a subscriber: the keys it
 * applied are its state, kept in DIR/applied.txt (appended and forced to disk before the 200 is sent, read again at
 * start, so a restarted receiver remembers them); every change received is also appended to DIR/received.txt, so a
 * change delivered twice shows there and not in applied.txt. A publisher's record K&lt;n&gt; has version 1, so
 * publishing a range again is a replay the platform acknowledges without a new change.
 */
public class ExchangeDrill {

    static final Pattern KEY = Pattern.compile("\"idempotencyKey\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("receive")) {
            receive(Integer.parseInt(args[1]), Path.of(args[2]));
        } else {
            publish(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        }
    }

    static void receive(int port, Path dir) throws IOException {
        Path applied = dir.resolve("applied.txt");
        Path received = dir.resolve("received.txt");
        Set<String> done = new HashSet<>(Files.exists(applied) ? Files.readAllLines(applied) : Set.of());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            StringBuilder fresh = new StringBuilder();
            StringBuilder all = new StringBuilder();
            synchronized (done) {
                Matcher m = KEY.matcher(body);
                while (m.find()) {
                    all.append(m.group(1)).append('\n');
                    if (done.add(m.group(1))) {
                        fresh.append(m.group(1)).append('\n');
                    }
                }
                append(received, all.toString());
                append(applied, fresh.toString());
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        System.err.println("receiver on " + port + " with " + done.size() + " changes applied before");
    }

    static void append(Path file, String lines) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    static void publish(String base, String token, String resource, int from, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int accepted = 0;
        int replayed = 0;
        for (int start = from; start < from + count; start += 100) {
            StringBuilder body = new StringBuilder("{\"changes\":[");
            for (int i = start; i < Math.min(from + count, start + 100); i++) {
                if (i > start) {
                    body.append(',');
                }
                String key = String.format("K%08d", i);
                body.append("{\"key\":\"").append(key).append("\",\"operation\":\"insert\",\"version\":1,")
                        .append("\"fields\":{\"code\":\"").append(key).append("\",\"name\":\"演练第")
                        .append(i).append("号许可\",\"amount\":").append(i % 10_000).append("}}");
            }
            body.append("]}");
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    base + "/api/v1/exchange/publish/" + resource.replace('/', '-') + "/changes"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("publish answered " + answer.statusCode() + ": " + answer.body());
            }
            accepted += number(answer.body(), "accepted");
            replayed += number(answer.body(), "replayed");
        }
        System.out.println(accepted + " " + replayed);
    }

    static int number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
