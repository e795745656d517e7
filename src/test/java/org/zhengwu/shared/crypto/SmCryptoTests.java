package org.zhengwu.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmCryptoTests {

    @Test
    void hmacDependsOnTheKey() {
        byte[] message = "340102199001010014".getBytes(StandardCharsets.UTF_8);
        assertThat(Sm3.hmac(new byte[32], message))
                .isEqualTo(Sm3.hmac(new byte[32], message))
                .isNotEqualTo(Sm3.hmac(new byte[] {1}, message))
                .hasSize(32);
    }

    @Test
    void sm4GcmRoundTripsAndDetectsTamperingAndWrongContext() {
        Sm4Gcm cipher = new Sm4Gcm(HexFormat.of().parseHex("0123456789abcdeffedcba9876543210"));
        byte[] context = "identity_account.id_number".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = cipher.encrypt("340102199001010014".getBytes(StandardCharsets.UTF_8), context);
        assertThat(new String(cipher.decrypt(sealed, context), StandardCharsets.UTF_8))
                .isEqualTo("340102199001010014");
        assertThat(cipher.encrypt("340102199001010014".getBytes(StandardCharsets.UTF_8), context))
                .isNotEqualTo(sealed);
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;
        assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt(altered, context));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> cipher.decrypt(sealed, "other.column".getBytes(StandardCharsets.UTF_8)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Sm4Gcm(new byte[15]));
    }

    @Test
    void keysAreGeneratedOnceAndReadBack(@TempDir Path dir) throws Exception {
        PlatformKeys first = new PlatformKeys("", "", dir.toString());
        byte[] sealed = first.encrypt("张三", "test");
        String index = first.blindIndex("340102199001010014", "id");
        PlatformKeys second = new PlatformKeys("", "", dir.toString());
        assertThat(second.decrypt(sealed, "test")).isEqualTo("张三");
        assertThat(second.blindIndex("340102199001010014", "id"))
                .isEqualTo(index)
                .hasSize(64);
        assertThat(second.blindIndex("340102199001010014", "other")).isNotEqualTo(index);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("field.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void generatedKeysAreWrittenWholeForTheOwnerOnlyInADirectoryForTheOwnerOnly(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "the file system has no POSIX permissions");
        Path keys = dir.resolve("data").resolve("keys");
        PlatformKeys generated = new PlatformKeys("", "", keys.toString());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
                .isEqualTo("rwx------");
        for (String name : new String[] {"field.key", "index.key", "audit.key", "audit-anchor.key"}) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(keys.resolve(name))))
                    .as(name)
                    .isEqualTo("rw-------");
        }
        try (java.util.stream.Stream<Path> files = Files.list(keys)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file is left")
                    .containsExactlyInAnyOrder("field.key", "index.key", "audit.key", "audit-anchor.key");
        }
        PlatformKeys again = new PlatformKeys("", "", keys.toString());
        assertThat(again.blindIndex("x", "c")).isEqualTo(generated.blindIndex("x", "c"));
        assertThat(again.auditSeal("entry".getBytes())).isEqualTo(generated.auditSeal("entry".getBytes()));
        assertThat(again.anchorPublicKey()).isEqualTo(generated.anchorPublicKey());
    }

    @Test
    void configuredKeysWinAndMustHaveTheRightLength(@TempDir Path dir) {
        String field = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        String index = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        PlatformKeys keys = new PlatformKeys(field, index, dir.toString());
        assertThat(keys.decrypt(keys.encrypt("x", "c"), "c")).isEqualTo("x");
        assertThat(dir.resolve("field.key")).doesNotExist();
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> new PlatformKeys(
                        java.util.Base64.getEncoder().encodeToString(new byte[8]), index, dir.toString()));
    }

    @Test
    void anSm2SignatureVerifiesWithThePublicKeyAndNothingElse() {
        byte[] key = Sm2.newPrivateKey();
        byte[] message = "zhengwu-audit-checkpoint v1 heads=1:2:ab:1".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(key, message);
        byte[] publicKey = Sm2.publicKey(key);
        assertThat(publicKey).hasSize(65).startsWith((byte) 0x04);
        assertThat(Sm2.verify(publicKey, message, signature)).isTrue();
        byte[] changed = message.clone();
        changed[changed.length - 1] ^= 1;
        assertThat(Sm2.verify(publicKey, changed, signature)).isFalse();
        assertThat(Sm2.verify(Sm2.publicKey(Sm2.newPrivateKey()), message, signature))
                .isFalse();
        assertThat(Sm2.verify(publicKey, message, new byte[] {1, 2, 3})).isFalse();
        assertThat(Sm2.defect(new byte[32])).isEqualTo("not a scalar of the curve sm2p256v1");
        assertThat(Sm2.defect(new byte[31])).isEqualTo("31 bytes instead of 32");
    }

    /** GB/T 32918.2 signs with SM3 over Z_A (the signer's identity and key) and the message: BouncyCastle's JCA agrees. */
    @Test
    void anSm2SignatureIsTheStandardOneThatOtherImplementationsVerify() throws Exception {
        byte[] key = Sm2.newPrivateKey();
        byte[] message = "责任认定检查点".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(key, message);
        var provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("sm2p256v1");
        var point = spec.getCurve().decodePoint(Sm2.publicKey(key));
        var publicKey = java.security.KeyFactory.getInstance("EC", provider)
                .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(point, spec));
        var verifier = java.security.Signature.getInstance("SM3withSM2", provider);
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }
}
