package org.zhengwu.identity.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The platform's OpenID provider as a client sees it from outside, written by hand so that the tests depend on the
 * protocol only: discovery, the authorization request with PKCE, the token and user-info endpoints, and checking a
 * token's signature against the published keys.
 */
final class OpenIdProvider {

    /** A JSON answer of an endpoint, with its status. */
    record JsonResponse(int status, Map<String, Object> body, String raw) {
        String string(String name) {
            return (String) body.get(name);
        }
    }

    /** The endpoints the discovery document names. */
    record Discovery(
            String issuer,
            String authorizationEndpoint,
            String tokenEndpoint,
            String jwksUri,
            String userinfoEndpoint,
            String endSessionEndpoint) {}

    /** A PKCE pair (RFC 7636, S256). */
    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            String verifier = random(32);
            return new Pkce(verifier, s256(verifier));
        }
    }

    /** A token signed by the platform: its key id and claims, once the signature is checked. */
    record VerifiedToken(String kid, Map<String, Object> claims, List<String> audience) {
        Object claim(String name) {
            return claims.get(name);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final Discovery discovery;

    private OpenIdProvider(Discovery discovery) {
        this.discovery = discovery;
    }

    static OpenIdProvider discover(String issuer) {
        JsonResponse document = get(issuer + "/.well-known/openid-configuration", null);
        if (document.status() != 200) {
            throw new IllegalStateException("no discovery document at " + issuer + ": " + document.status());
        }
        return new OpenIdProvider(new Discovery(
                document.string("issuer"),
                document.string("authorization_endpoint"),
                document.string("token_endpoint"),
                document.string("jwks_uri"),
                document.string("userinfo_endpoint"),
                document.string("end_session_endpoint")));
    }

    Discovery discovery() {
        return discovery;
    }

    /** The address a client sends the browser to, with state, nonce and a PKCE challenge. */
    String authorizationRequest(
            String clientId, String redirectUri, String scope, String state, String nonce, Pkce pkce) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", scope);
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        if (pkce != null) {
            parameters.put("code_challenge", pkce.challenge());
            parameters.put("code_challenge_method", "S256");
        }
        return discovery.authorizationEndpoint() + "?" + form(parameters);
    }

    /** Exchanges a code; a client with a secret authenticates with HTTP Basic, a public one names itself. */
    JsonResponse exchangeCode(String clientId, String secret, String code, String redirectUri, String verifier) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("code", code);
        parameters.put("redirect_uri", redirectUri);
        if (verifier != null) {
            parameters.put("code_verifier", verifier);
        }
        if (secret == null) {
            parameters.put("client_id", clientId);
        }
        return token(parameters, clientId, secret);
    }

    JsonResponse refresh(String clientId, String secret, String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), clientId, secret);
    }

    JsonResponse clientCredentials(String clientId, String secret, String scope) {
        return token(Map.of("grant_type", "client_credentials", "scope", scope), clientId, secret);
    }

    /** RFC 7662: what the provider says of a token, asked by an authenticated client. */
    JsonResponse introspect(String clientId, String secret, String token) {
        return post(metadata("introspection_endpoint"), Map.of("token", token), clientId, secret);
    }

    /** RFC 7009: a client revokes one of its tokens. */
    JsonResponse revoke(String clientId, String secret, String token) {
        return post(
                metadata("revocation_endpoint"),
                Map.of("token", token, "token_type_hint", "access_token"),
                clientId,
                secret);
    }

    /** An endpoint the authorization-server metadata (RFC 8414) names; OIDC discovery leaves these out. */
    private String metadata(String endpoint) {
        JsonResponse document = get(discovery.issuer() + "/.well-known/oauth-authorization-server", null);
        return Objects.requireNonNull(document.string(endpoint), endpoint + " not in " + document.raw());
    }

    JsonResponse userInfo(String accessToken) {
        return get(discovery.userinfoEndpoint(), accessToken);
    }

    JWKSet publishedKeys() {
        JsonResponse keys = get(discovery.jwksUri(), null);
        try {
            return JWKSet.parse(keys.raw());
        } catch (ParseException e) {
            throw new IllegalStateException("the key set is not a JWK set: " + keys.raw(), e);
        }
    }

    /** Checks the signature against the key set published now, and returns the claims. */
    VerifiedToken verify(String jwt) {
        try {
            SignedJWT token = SignedJWT.parse(jwt);
            String kid = token.getHeader().getKeyID();
            JWK key = publishedKeys().getKeyByKeyId(kid);
            if (key == null) {
                throw new AssertionError("key " + kid + " is not published");
            }
            if (!token.verify(new RSASSAVerifier(key.toRSAKey()))) {
                throw new AssertionError("the signature does not verify with the published key " + kid);
            }
            return new VerifiedToken(
                    kid,
                    token.getJWTClaimsSet().toJSONObject(),
                    token.getJWTClaimsSet().getAudience());
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a verifiable JWT: " + jwt, e);
        }
    }

    /** The query parameters of an address (a redirect back to a client). */
    static Map<String, String> query(String address) {
        String query = URI.create(address).getRawQuery();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonResponse token(Map<String, String> parameters, String clientId, String secret) {
        return post(discovery.tokenEndpoint(), parameters, clientId, secret);
    }

    private static JsonResponse post(String endpoint, Map<String, String> parameters, String clientId, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
        if (secret != null) {
            // RFC 6749 2.3.1: both parts form-encoded before Base64.
            String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    private static JsonResponse get(String address, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address))
                .header("Accept", "application/json")
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private static JsonResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            Map<String, Object> json =
                    body != null && body.strip().startsWith("{") ? JSONObjectUtils.parse(body) : Map.of();
            return new JsonResponse(response.statusCode(), json, body);
        } catch (ParseException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
