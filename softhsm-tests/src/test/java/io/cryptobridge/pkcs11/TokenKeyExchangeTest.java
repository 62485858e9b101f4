package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.BackendSecretKey;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.SignaturePrimitives;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ECDH with private keys on the token (CKM_ECDH1_DERIVE), differential against the software
 * backend; and what an {@code extractable: true} backend exports.
 */
class TokenKeyExchangeTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static Pkcs11Backend hsm;
    private static KeyExchangePrimitives onToken;
    private static KeyExchangePrimitives software;
    private static SignaturePrimitives softwareSignatures;

    @BeforeAll
    static void openBackends() {
        hsm = TOKEN.open();
        onToken = hsm.keyExchange().orElseThrow();
        SoftwareBackend soft = new SoftwareBackend("soft", new SecureRandom());
        software = soft.keyExchange().orElseThrow();
        softwareSignatures = soft.signatures().orElseThrow();
    }

    @AfterAll
    static void closeBackend() {
        hsm.close();
    }

    @ParameterizedTest
    @EnumSource(names = {"P256_SHA256", "P384_SHA384"})
    void dh_generatedOnToken_equalsSoftwareSecret(KxAlgorithm algorithm) {
        BackendKeyPair mine = onToken.generateKeyPair(algorithm);
        BackendKeyPair theirs = software.generateKeyPair(algorithm);

        byte[] onHsm =
                onToken.dh(
                        algorithm,
                        moveTo(onToken, algorithm, theirs.publicKey()),
                        mine.secretKey());
        byte[] inSoftware =
                software.dh(
                        algorithm,
                        moveTo(software, algorithm, mine.publicKey()),
                        theirs.secretKey());

        assertEquals(algorithm.sharedSecretLength(), onHsm.length);
        assertArrayEquals(inSoftware, onHsm);
    }

    @ParameterizedTest
    @EnumSource(names = {"P256_SHA256", "P384_SHA384"})
    void dh_importedSecretKey_equalsSoftwareSecret(KxAlgorithm algorithm) {
        BackendKeyPair original = software.generateKeyPair(algorithm);
        BackendKeyPair peer = software.generateKeyPair(algorithm);
        BackendSecretKey imported =
                onToken.importSecretKey(
                        algorithm,
                        SecretKeyEncoding.RAW,
                        original.secretKey().export(SecretKeyEncoding.RAW));

        assertArrayEquals(
                software.dh(algorithm, peer.publicKey(), original.secretKey()),
                onToken.dh(algorithm, moveTo(onToken, algorithm, peer.publicKey()), imported));
        assertErrno(CryptoErrno.PROHIBITED_OPERATION, () -> imported.export(SecretKeyEncoding.RAW));
    }

    @Test
    void generatedEcdhKey_valueOnToken_isSensitive() {
        BackendKeyPair pair = onToken.generateKeyPair(KxAlgorithm.P256_SHA256);
        long handle = ((TokenPrivateKey) pair.secretKey()).handleFor(KxAlgorithm.P256_SHA256);

        assertEquals(Ckr.ATTRIBUTE_SENSITIVE, TokenObjects.readValueError(hsm, handle));
        assertErrno(CryptoErrno.PROHIBITED_OPERATION, () -> pair.export(KeyPairEncoding.PKCS8));
    }

    @ParameterizedTest
    @EnumSource(
            names = {"ECDSA_P256_SHA256", "ECDSA_K256_SHA256", "ED25519", "RSA_PSS_2048_SHA256"})
    void extractableBackend_exportedKeyPair_matchesTokenKey(SignatureAlgorithm algorithm) {
        try (Pkcs11Backend exporting = TOKEN.open("extractable", true)) {
            SignaturePrimitives signatures = exporting.signatures().orElseThrow();
            BackendKeyPair pair = signatures.generateKeyPair(algorithm);

            BackendKeyPair copy =
                    softwareSignatures.importKeyPair(
                            algorithm, KeyPairEncoding.PKCS8, pair.export(KeyPairEncoding.PKCS8));

            assertArrayEquals(
                    pair.publicKey().export(PublicKeyEncoding.PKCS8),
                    copy.publicKey().export(PublicKeyEncoding.PKCS8));
            assertArrayEquals(
                    copy.secretKey().export(SecretKeyEncoding.PKCS8),
                    pair.secretKey().export(SecretKeyEncoding.PKCS8));
        }
    }

    private static BackendPublicKey moveTo(
            KeyExchangePrimitives backend, KxAlgorithm algorithm, BackendPublicKey key) {
        return backend.importPublicKey(
                algorithm, PublicKeyEncoding.SEC, key.export(PublicKeyEncoding.SEC));
    }

    private static void assertErrno(CryptoErrno expected, Runnable action) {
        CryptoException e = assertThrows(CryptoException.class, action::run);
        assertEquals(expected, e.errno(), e.getMessage());
    }
}
