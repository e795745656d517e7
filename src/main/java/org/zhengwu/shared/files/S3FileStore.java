package org.zhengwu.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zhengwu.shared.crypto.OwnerOnlyFiles;

/**
 * Files as objects of a bucket of S3-compatible object storage (MinIO, 华为云 OBS, 阿里云 OSS, Amazon S3), through the
 * four calls a store needs — PUT, GET, HEAD and DELETE of an object — signed with {@link AwsSignatureV4} and sent with
 * Java's own HTTP client. The content is first written to an owner-only temporary file while its SM3 and SHA-256
 * are computed, then sent with its SHA-256 signed: the service refuses a body that arrives altered, and a PUT is
 * atomic, so an object is there whole or not at all.
 */
final class S3FileStore implements FileStore {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final int ERROR_BODY_BYTES = 4096;
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");

    private final URI endpoint;
    private final String bucket;
    private final boolean pathStyle;
    private final AwsSignatureV4 signer;
    private final HttpClient http;
    private final Clock clock;

    S3FileStore(FilesProperties.S3 settings, Clock clock) {
        this.endpoint = endpoint(settings.endpoint());
        this.bucket = settings.bucket();
        this.pathStyle = settings.pathStyle();
        this.signer = new AwsSignatureV4(settings.accessKey(), settings.secretKey(), settings.region(), "s3");
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Every S3-compatible service speaks HTTP/1.1; not all of them expect an upgrade to HTTP/2.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.clock = clock;
    }

    /** The endpoint without a default port, which HTTP clients leave out of the Host header that is signed. */
    static URI endpoint(String configured) {
        URI uri = URI.create(configured.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "zhengwu.files.s3.endpoint must be an http or https address, e.g. https://obs.cn-north-4.myhuaweicloud.com");
        }
        if (uri.getRawPath() != null
                        && !uri.getRawPath().isEmpty()
                        && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("zhengwu.files.s3.endpoint is the service's address alone, without a"
                    + " path or query (the bucket is zhengwu.files.s3.bucket)");
        }
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        try {
            return new URI(scheme, null, uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("zhengwu.files.s3.endpoint is not an address", e);
        }
    }

    @Override
    public StoredFile store(InputStream content) throws IOException {
        Path temp = OwnerOnlyFiles.posix(Path.of(System.getProperty("java.io.tmpdir")))
                ? Files.createTempFile(
                        "zhengwu-upload-", ".part", PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.FILE))
                : Files.createTempFile("zhengwu-upload-", ".part");
        try {
            Checksums sums;
            try (OutputStream out = Files.newOutputStream(temp)) {
                sums = Checksums.copy(content, out, true);
            }
            String key = StoredFileKeys.next();
            HttpResponse<InputStream> response =
                    send("PUT", key, HttpRequest.BodyPublishers.ofFile(temp), sums.sha256Hex());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw failure("PUT", key, response.statusCode(), body);
                }
            }
            return new StoredFile(key, sums.size(), sums.sm3Hex());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        HttpResponse<InputStream> response =
                send("GET", key, HttpRequest.BodyPublishers.noBody(), AwsSignatureV4.EMPTY_PAYLOAD);
        if (response.statusCode() == 200) {
            return response.body();
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                throw new NoSuchStoredFileException(key);
            }
            throw failure("GET", key, response.statusCode(), body);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        HttpResponse<InputStream> response =
                send("DELETE", key, HttpRequest.BodyPublishers.noBody(), AwsSignatureV4.EMPTY_PAYLOAD);
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
                throw failure("DELETE", key, response.statusCode(), body);
            }
        }
    }

    /**
     * Whether the object is there. A service answers 403 rather than 404 for a missing object to a key that may not
     * list the bucket (Amazon S3 without s3:ListBucket): that is reported as the failure it is.
     */
    @Override
    public boolean exists(String key) throws IOException {
        HttpResponse<InputStream> response =
                send("HEAD", key, HttpRequest.BodyPublishers.noBody(), AwsSignatureV4.EMPTY_PAYLOAD);
        try (InputStream body = response.body()) {
            return switch (response.statusCode()) {
                case 200 -> true;
                case 404 -> false;
                default -> throw failure("HEAD", key, response.statusCode(), body);
            };
        }
    }

    URI objectUri(String key) {
        StoredFileKeys.checked(key);
        String authority = endpoint.getRawAuthority();
        String base = pathStyle
                ? endpoint.getScheme() + "://" + authority + "/" + AwsSignatureV4.encode(bucket)
                : endpoint.getScheme() + "://" + bucket + "." + authority;
        return URI.create(base + "/" + key);
    }

    private HttpResponse<InputStream> send(
            String method, String key, HttpRequest.BodyPublisher body, String payloadHash) throws IOException {
        URI uri = objectUri(key);
        Instant now = clock.instant();
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("host", uri.getRawAuthority());
        signed.put("x-amz-content-sha256", payloadHash);
        signed.put("x-amz-date", AwsSignatureV4.TIMESTAMP.format(now));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .method(method, body)
                .header("x-amz-content-sha256", payloadHash)
                .header("x-amz-date", signed.get("x-amz-date"))
                .header(
                        "Authorization",
                        signer.authorization(method, uri.getRawPath(), Map.of(), signed, payloadHash, now));
        if (method.equals("PUT")) {
            request.header("Content-Type", "application/octet-stream");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during S3 " + method + " of " + key);
        }
    }

    /** The status and the service's error code ("SignatureDoesNotMatch"), never more of what it said. */
    private IOException failure(String method, String key, int status, InputStream body) throws IOException {
        String text = new String(body.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        Matcher code = ERROR_CODE.matcher(text);
        return new IOException("S3 " + method + " of " + bucket + "/" + key + " at " + endpoint + " answered " + status
                + (code.find() ? " " + code.group(1) : ""));
    }
}
