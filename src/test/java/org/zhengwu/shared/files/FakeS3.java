package org.zhengwu.shared.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket on loopback that answers PUT, GET, HEAD and DELETE of objects as S3 does, and checks each request's
 * signature from what arrived on the wire — the Host header the HTTP client really sent, the body's real SHA-256 —
 * so that a store signing something other than what it sends is refused, as a real service would refuse it.
 */
final class FakeS3 implements AutoCloseable {

    static final String ACCESS_KEY = "fake-access";
    static final String SECRET_KEY = "fake-secret-0123456789";
    static final String BUCKET = "materials";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, SignedHeaders=([a-z0-9;-]+),"
                    + " Signature=([0-9a-f]{64})");

    private final HttpServer server;
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FilesProperties.S3 settings(String secretKey) {
        return new FilesProperties.S3(endpoint(), BUCKET, "us-east-1", ACCESS_KEY, secretKey, true);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(method + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            String refusal = refusal(exchange, method, path, body);
            if (refusal != null) {
                answer(exchange, 403, "<Error><Code>" + refusal + "</Code></Error>");
                return;
            }
            if (!path.startsWith("/" + BUCKET + "/")) {
                answer(exchange, 404, "<Error><Code>NoSuchBucket</Code></Error>");
                return;
            }
            String key = path.substring(BUCKET.length() + 2);
            switch (method) {
                case "PUT" -> {
                    objects.put(key, body);
                    answer(exchange, 200, "");
                }
                case "GET", "HEAD" -> {
                    byte[] object = objects.get(key);
                    if (object == null) {
                        answer(exchange, 404, method.equals("GET") ? "<Error><Code>NoSuchKey</Code></Error>" : "");
                    } else if (method.equals("HEAD")) {
                        exchange.getResponseHeaders().add("Content-Length", String.valueOf(object.length));
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        exchange.sendResponseHeaders(200, object.length);
                        exchange.getResponseBody().write(object);
                    }
                }
                case "DELETE" -> {
                    objects.remove(key);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> answer(exchange, 405, "");
            }
        }
    }

    /** Why the request's signature does not hold, or null when it does. */
    private static String refusal(HttpExchange exchange, String method, String path, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher parts = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (parts == null || !parts.matches() || !parts.group(1).equals(ACCESS_KEY)) {
            return "InvalidAccessKeyId";
        }
        String payload = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (payload == null || !payload.equals(sha256(body))) {
            return "XAmzContentSHA256Mismatch";
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : parts.group(4).split(";")) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value == null) {
                return "SignatureDoesNotMatch";
            }
            signed.put(name, value);
        }
        if (!signed.containsKey("host") || !signed.containsKey("x-amz-date")) {
            return "AccessDenied";
        }
        Instant time = AwsSignatureV4.TIMESTAMP.parse(signed.get("x-amz-date"), Instant::from);
        String expected = new AwsSignatureV4(ACCESS_KEY, SECRET_KEY, parts.group(3), "s3")
                .authorization(method, path, Map.of(), signed, payload, time);
        return expected.equals(authorization) ? null : "SignatureDoesNotMatch";
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
