import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/exchange.sh's bulk part, as a department system would do it with its bearer token: publish CHANGES change
 * records of a resource in batches of 1,000 (timed: records/s), subscribe by pull, then pull every change page by page
 * (PAGE a page, default 1,000, the API's limit 5,000; timed: rows/s, every page's changes counted), from the start
 * WARMUP + ROUNDS times (defaults 0 and 1): the first round meets a node whose pull path has never run (as the
 * compilers found it), the rounds after the warm-up the node as it is under steady pulling. Prints "publish = N/s",
 * "pull round I = N/s" for each round, "pull cold = N/s" (the first) and "pull = N/s", the median of the ROUNDS
 * after the warm-up.
 *
 * <pre>java ExchangeBulk BASE TOKEN RESOURCE CHANGES [PAGE [ROUNDS [WARMUP]]]</pre>
 */
public class ExchangeBulk {

    private static final Pattern CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*(\\d+)");
    private static final Pattern MORE = Pattern.compile("\"more\"\\s*:\\s*(true|false)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String resource = args[2];
        int changes = Integer.parseInt(args[3]);
        int pageSize = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int timed = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        if (timed < 1 || warmup < 0) {
            throw new IllegalArgumentException("ROUNDS must be at least 1 and WARMUP at least 0");
        }
        int rounds = warmup + timed;
        String ref = resource.replace('/', '-');
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        long started = System.nanoTime();
        for (int from = 0; from < changes; from += 1000) {
            StringBuilder body = new StringBuilder("{\"changes\":[");
            for (int i = from; i < Math.min(changes, from + 1000); i++) {
                if (i > from) {
                    body.append(',');
                }
                String key = String.format("K%08d", i);
                body.append("{\"key\":\"").append(key).append("\",\"operation\":\"insert\",\"version\":1,")
                        .append("\"fields\":{\"code\":\"").append(key).append("\",\"name\":\"合肥市第")
                        .append(i).append("号许可\",\"amount\":").append(i % 10_000).append("}}");
            }
            body.append("]}");
            HttpResponse<String> answer = http.send(
                    post(base + "/api/v1/exchange/publish/" + ref + "/changes", token, body.toString()),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("publish answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("publish = %.0f/s (%d records in %.1f s)%n", changes / publishSeconds, changes, publishSeconds);

        HttpResponse<String> subscribed = http.send(
                post(base + "/api/v1/exchange/subscriptions", token,
                        "{\"resource\":\"" + resource + "\",\"mode\":\"PULL\"}"),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(subscribed.body());
        if (subscribed.statusCode() / 100 != 2 || !id.find()) {
            throw new IllegalStateException("subscribe answered " + subscribed.statusCode() + ": " + subscribed.body());
        }
        String subscription = id.group(1);

        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            started = System.nanoTime();
            long rows = pullAll(http, base, token, subscription, pageSize);
            double pullSeconds = (System.nanoTime() - started) / 1e9;
            rates[round] = rows / pullSeconds;
            System.out.printf(
                    "pull round %d = %.0f/s (%d rows in %.2f s)%s%n",
                    round + 1, rates[round], rows, pullSeconds, round < warmup ? ", warm-up" : "");
            if (rows != changes) {
                throw new IllegalStateException("pulled " + rows + " changes, published " + changes);
            }
        }
        double[] steady = java.util.Arrays.copyOfRange(rates, warmup, rounds);
        java.util.Arrays.sort(steady);
        System.out.printf("pull cold = %.0f/s%n", rates[0]);
        System.out.printf("pull = %.0f/s%n", steady[(steady.length - 1) / 2]);
    }

    /** Every change of the subscription from the start, page by page; the number of changes the pages held. */
    private static final byte[] RECORD = "\"idempotencyKey\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Every change of the subscription from the start, page by page; the number of changes the pages held. Each page
     * is read as bytes, its records counted by their "idempotencyKey" and its cursor read from its end, as a lean
     * load generator does: the driver shares the machine's two cores with the platform and PostgreSQL, and decoding
     * each megabyte-long page into a String and searching it three times took a quarter of a core.
     */
    private static long pullAll(HttpClient http, String base, String token, String subscription, int pageSize)
            throws Exception {
        long cursor = 0;
        long rows = 0;
        while (true) {
            HttpResponse<byte[]> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/exchange/subscriptions/" + subscription
                                    + "/changes?after=" + cursor + "&limit=" + pageSize))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = page.body();
            if (page.statusCode() != 200) {
                throw new IllegalStateException(
                        "pull answered " + page.statusCode() + ": " + new String(body, StandardCharsets.UTF_8));
            }
            rows += occurrences(body, RECORD);
            String tail = new String(body, Math.max(0, body.length - 100), Math.min(100, body.length),
                    StandardCharsets.UTF_8);
            Matcher next = CURSOR.matcher(tail);
            Matcher more = MORE.matcher(tail);
            if (!next.find() || !more.find()) {
                throw new IllegalStateException("no cursor at the end of " + tail);
            }
            cursor = Long.parseLong(next.group(1));
            if (!Boolean.parseBoolean(more.group(1))) {
                return rows;
            }
        }
    }

    private static int occurrences(byte[] text, byte[] pattern) {
        int count = 0;
        int last = text.length - pattern.length;
        outer:
        for (int at = 0; at <= last; at++) {
            if (text[at] != pattern[0]) {
                continue;
            }
            for (int i = 1; i < pattern.length; i++) {
                if (text[at + i] != pattern[i]) {
                    continue outer;
                }
            }
            count++;
            at += pattern.length - 1;
        }
        return count;
    }

    private static HttpRequest post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
