package org.zhengwu.identity.oidc;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's identity and the material of its signatures.
 *
 * @param issuer                the issuer address ({@code ZHENGWU_ISSUER}, e.g. https://sso.example.gov.cn); empty:
 *                              taken from each request's own address (never in production)
 * @param signingKey            the signing key from the deployment's key store ({@code ZHENGWU_SIGNING_KEY}): an RSA
 *                              private key as PEM (PKCS#8 or PKCS#1) or as a JWK, or the path of a file holding one;
 *                              imported at start as the key that signs tokens
 * @param signingKeysInDatabase {@code ZHENGWU_SIGNING_KEYS_IN_DATABASE=true}: the deployment declares that the keys
 *                              kept in the database (made at its first start, encrypted with its field key, rotated
 *                              on the administration screen) are its production keys
 */
@ConfigurationProperties("zhengwu.identity")
record IssuerAndKeysProperties(String issuer, String signingKey, boolean signingKeysInDatabase) {}
