package org.zhengwu.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the examples of Amazon's S3 documentation ("Signature Calculations for the Authorization Header",
 * with the example bucket and keys) and of its Signature Version 4 test suite (get-vanilla and friends).
 */
class AwsSignatureV4Tests {

    private static final String S3_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String S3_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant S3_TIME = Instant.parse("2013-05-24T00:00:00Z");

    private static final String SUITE_ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SUITE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    private final AwsSignatureV4 s3 = new AwsSignatureV4(S3_ACCESS_KEY, S3_SECRET_KEY, "us-east-1", "s3");
    private final AwsSignatureV4 suite = new AwsSignatureV4(SUITE_ACCESS_KEY, SUITE_SECRET_KEY, "us-east-1", "service");

    @Test
    void s3GetObject() {
        Map<String, String> headers = s3Headers();
        headers.put("Range", "bytes=0-9");
        String canonical = AwsSignatureV4.canonicalRequest(
                "GET", "/test.txt", Map.of(), AwsSignatureV4.canonicalHeaders(headers), AwsSignatureV4.EMPTY_PAYLOAD);
        assertThat(AwsSignatureV4.sha256Hex(canonical))
                .as("the documented canonical request's hash")
                .isEqualTo("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
        assertThat(s3.authorization("GET", "/test.txt", Map.of(), headers, AwsSignatureV4.EMPTY_PAYLOAD, S3_TIME))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void s3PutObjectWithAPathToEncode() {
        String payload = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"; // "Welcome to Amazon S3."
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        headers.put("x-amz-content-sha256", payload);
        String path = AwsSignatureV4.encodePath("/test$file.text");
        assertThat(path).isEqualTo("/test%24file.text");
        assertThat(s3.authorization("PUT", path, Map.of(), headers, payload, S3_TIME))
                .endsWith("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                        + " Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void s3GetBucketLifecycleAndListObjects() {
        assertThat(s3.authorization(
                        "GET", "/", Map.of("lifecycle", ""), s3Headers(), AwsSignatureV4.EMPTY_PAYLOAD, S3_TIME))
                .endsWith("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", "J");
        query.put("max-keys", "2");
        assertThat(s3.authorization("GET", "/", query, s3Headers(), AwsSignatureV4.EMPTY_PAYLOAD, S3_TIME))
                .endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void testSuiteGetVanilla() {
        assertThat(suite.authorization("GET", "/", Map.of(), suiteHeaders(), AwsSignatureV4.EMPTY_PAYLOAD, SUITE_TIME))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                        + " SignedHeaders=host;x-amz-date,"
                        + " Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void testSuitePathsWithUtf8AndSpaces() {
        assertThat(suite.authorization(
                        "GET",
                        AwsSignatureV4.encodePath("/ሴ"),
                        Map.of(),
                        suiteHeaders(),
                        AwsSignatureV4.EMPTY_PAYLOAD,
                        SUITE_TIME))
                .endsWith("Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85");
        assertThat(suite.authorization(
                        "GET",
                        AwsSignatureV4.encodePath("/example space/"),
                        Map.of(),
                        suiteHeaders(),
                        AwsSignatureV4.EMPTY_PAYLOAD,
                        SUITE_TIME))
                .endsWith("Signature=652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741");
    }

    @Test
    void encodesAllButTheUnreservedCharacters() {
        assertThat(AwsSignatureV4.encode("aZ09-._~ /+=*%ሴ")).isEqualTo("aZ09-._~%20%2F%2B%3D%2A%25%E1%88%B4");
        assertThat(AwsSignatureV4.encodePath("/")).isEqualTo("/");
        assertThat(AwsSignatureV4.encodePath("/bucket/0123abcd")).isEqualTo("/bucket/0123abcd");
    }

    private static Map<String, String> s3Headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-content-sha256", AwsSignatureV4.EMPTY_PAYLOAD);
        return headers;
    }

    private static Map<String, String> suiteHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "example.amazonaws.com");
        headers.put("X-Amz-Date", "20150830T123600Z");
        return headers;
    }
}
