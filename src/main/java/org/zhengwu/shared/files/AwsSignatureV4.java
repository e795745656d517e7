package org.zhengwu.shared.files;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for the Authorization header (HMAC-SHA256), as S3 and the object stores that speak its
 * protocol (MinIO, 华为云 OBS, 阿里云 OSS) check it. Paths are encoded once, as S3 wants them, not twice as other AWS
 * services do.
 */
final class AwsSignatureV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_PAYLOAD = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;

    AwsSignatureV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /**
     * The Authorization header's value for a request.
     *
     * @param path the request path as sent (already percent-encoded, as {@link #encodePath} makes it)
     * @param query the query parameters, not encoded (a parameter without value maps to "")
     * @param headers every header to sign, host and x-amz-date among them
     * @param payloadHash the hex SHA-256 of the body, or UNSIGNED-PAYLOAD
     */
    String authorization(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String payloadHash,
            Instant time) {
        SortedMap<String, String> canonicalHeaders = canonicalHeaders(headers);
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        String request = canonicalRequest(method, path, query, canonicalHeaders, payloadHash);
        String scope = DAY.format(time) + "/" + region + "/" + service + "/aws4_request";
        String toSign = ALGORITHM + "\n" + TIMESTAMP.format(time) + "\n" + scope + "\n" + sha256Hex(request);
        String signature = HexFormat.of().formatHex(hmac(signingKey(time), toSign));
        return ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    static String canonicalRequest(
            String method,
            String path,
            Map<String, String> query,
            SortedMap<String, String> canonicalHeaders,
            String payloadHash) {
        StringBuilder headerLines = new StringBuilder();
        canonicalHeaders.forEach((name, value) ->
                headerLines.append(name).append(':').append(value).append('\n'));
        return method + "\n" + (path.isEmpty() ? "/" : path) + "\n" + canonicalQuery(query) + "\n" + headerLines + "\n"
                + String.join(";", canonicalHeaders.keySet()) + "\n" + payloadHash;
    }

    /** Names in lower case, values trimmed with inner runs of spaces made one, sorted by name. */
    static SortedMap<String, String> canonicalHeaders(Map<String, String> headers) {
        SortedMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) ->
                canonical.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll(" +", " ")));
        return canonical;
    }

    static String canonicalQuery(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> List.of(encode(e.getKey()), encode(e.getValue())))
                .sorted((a, b) -> a.get(0).equals(b.get(0))
                        ? a.get(1).compareTo(b.get(1))
                        : a.get(0).compareTo(b.get(0)))
                .map(pair -> pair.get(0) + "=" + pair.get(1))
                .collect(Collectors.joining("&"));
    }

    /** Each segment of the path percent-encoded (RFC 3986 unreserved characters kept), the slashes kept. */
    static String encodePath(String path) {
        return Arrays.stream(path.split("/", -1)).map(AwsSignatureV4::encode).collect(Collectors.joining("/"));
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] signingKey(Instant time) {
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), DAY.format(time));
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
