package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signatures with keys on the token, differential against the software backend: signed on the HSM,
 * verified in software, and the reverse; imported keys; non-extractable keys stay on the token.
 */
class TokenSignaturesTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final byte[] PART1 = "the quick brown fox ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PART2 = "jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    /** One RSA size per scheme and hash keeps the run short (4096-bit keygen takes seconds). */
    private static final String FAST =
            "ECDSA_P256_SHA256|ECDSA_P384_SHA384|ECDSA_K256_SHA256|ED25519|RSA_PKCS1_2048_SHA256"
                    + "|RSA_PKCS1_2048_SHA512|RSA_PSS_2048_SHA256|RSA_PSS_2048_SHA384";

    private static Pkcs11Backend hsm;
    private static SignaturePrimitives onToken;
    private static SignaturePrimitives software;

    @BeforeAll
    static void openBackends() {
        hsm = TOKEN.open();
        onToken = hsm.signatures().orElseThrow();
        software = new SoftwareBackend("soft", new SecureRandom()).signatures().orElseThrow();
    }

    @AfterAll
    static void closeBackend() {
        hsm.close();
    }

    @Test
    void capabilities_softHsm_servesEverySignatureAlgorithmAndEcdh() {
        Set<AsymmetricAlgorithm> expected = new HashSet<>(EnumSet.allOf(SignatureAlgorithm.class));
        expected.add(KxAlgorithm.P256_SHA256);
        expected.add(KxAlgorithm.P384_SHA384);

        assertEquals(expected, hsm.asymmetricCapabilities().algorithms());
        assertFalse(hsm.keyExchange().orElseThrow().supports(KxAlgorithm.X25519));
        assertFalse(hsm.keyExchange().orElseThrow().supports(KxAlgorithm.ML_KEM_768));
    }

    @ParameterizedTest
    @EnumSource(names = FAST, mode = EnumSource.Mode.MATCH_ANY)
    void signOnHsm_verifyInSoftware_valid(SignatureAlgorithm algorithm) {
        BackendKeyPair pair = onToken.generateKeyPair(algorithm);
        byte[] signature = sign(onToken, algorithm, pair);

        BackendPublicKey inSoftware =
                software.importPublicKey(
                        algorithm,
                        PublicKeyEncoding.PKCS8,
                        pair.publicKey().export(PublicKeyEncoding.PKCS8));

        assertEquals(algorithm.signatureLength(), signature.length);
        assertTrue(verify(software, algorithm, inSoftware, signature, PART1, PART2));
        assertFalse(verify(software, algorithm, inSoftware, signature, PART1));
    }

    @ParameterizedTest
    @EnumSource(names = FAST, mode = EnumSource.Mode.MATCH_ANY)
    void signInSoftware_verifyThroughHsm_valid(SignatureAlgorithm algorithm) {
        BackendKeyPair pair = software.generateKeyPair(algorithm);
        byte[] signature = sign(software, algorithm, pair);
        BackendPublicKey viaHsm =
                onToken.importPublicKey(
                        algorithm,
                        PublicKeyEncoding.PKCS8,
                        pair.publicKey().export(PublicKeyEncoding.PKCS8));

        assertTrue(verify(onToken, algorithm, viaHsm, signature, PART1, PART2));
        signature[signature.length / 2] ^= 1;
        assertFalse(verify(onToken, algorithm, viaHsm, signature, PART1, PART2));
    }

    @ParameterizedTest
    @EnumSource(names = FAST, mode = EnumSource.Mode.MATCH_ANY)
    void importedKeyPair_signsOnHsm_softwareOriginalVerifies(SignatureAlgorithm algorithm) {
        BackendKeyPair original = software.generateKeyPair(algorithm);
        BackendKeyPair imported =
                onToken.importKeyPair(
                        algorithm, KeyPairEncoding.PKCS8, original.export(KeyPairEncoding.PKCS8));

        byte[] signature = sign(onToken, algorithm, imported);

        assertTrue(verify(software, algorithm, original.publicKey(), signature, PART1, PART2));
        assertThrows(
                CryptoException.class, () -> imported.export(KeyPairEncoding.PKCS8), "stays put");
    }

    @Test
    void signerState_signUpdateSign_isCumulative() {
        for (SignatureAlgorithm algorithm :
                List.of(SignatureAlgorithm.ED25519, SignatureAlgorithm.ECDSA_P256_SHA256)) {
            BackendKeyPair pair = onToken.generateKeyPair(algorithm);
            SignerEngine signer = onToken.newSigner(algorithm, pair);
            signer.update(PART1, 0, PART1.length);
            byte[] first = signer.sign();
            signer.update(PART2, 0, PART2.length);
            byte[] second = signer.sign();

            assertTrue(
                    verify(software, algorithm, pair.publicKey(), first, PART1), algorithm.name());
            assertTrue(
                    verify(software, algorithm, pair.publicKey(), second, PART1, PART2),
                    algorithm.name());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ED25519", "ECDSA_P256_SHA256", "RSA_PSS_2048_SHA256"})
    void generatedKey_nonExtractable_staysOnToken(SignatureAlgorithm algorithm) {
        BackendKeyPair pair = onToken.generateKeyPair(algorithm);
        TokenPrivateKey key = (TokenPrivateKey) pair.secretKey();

        long handle = key.handleFor(algorithm);

        assertEquals(
                Ckr.ATTRIBUTE_SENSITIVE,
                algorithm.isRsa()
                        ? TokenObjects.readPrivateExponentError(hsm, handle)
                        : TokenObjects.readValueError(hsm, handle));
        assertErrno(
                CryptoErrno.PROHIBITED_OPERATION,
                () -> pair.secretKey().export(SecretKeyEncoding.PKCS8));
        assertErrno(CryptoErrno.PROHIBITED_OPERATION, () -> pair.export(KeyPairEncoding.PKCS8));
        assertTrue(pair.publicKey().export(PublicKeyEncoding.PKCS8).length > 32);
    }

    @Test
    void keyPair_fromOtherPublicKey_incompatibleKeys() {
        SignatureAlgorithm algorithm = SignatureAlgorithm.ECDSA_P256_SHA256;
        BackendKeyPair a = onToken.generateKeyPair(algorithm);
        BackendKeyPair b = onToken.generateKeyPair(algorithm);

        assertErrno(
                CryptoErrno.INCOMPATIBLE_KEYS,
                () -> onToken.keyPair(algorithm, b.publicKey(), a.secretKey()));
        assertTrue(
                verify(
                        software,
                        algorithm,
                        a.publicKey(),
                        sign(
                                onToken,
                                algorithm,
                                onToken.keyPair(algorithm, a.publicKey(), a.secretKey())),
                        PART1,
                        PART2));
    }

    @Test
    void secretKey_ofAnotherAlgorithm_invalidKey() {
        BackendKeyPair p256 = onToken.generateKeyPair(SignatureAlgorithm.ECDSA_P256_SHA256);

        assertErrno(
                CryptoErrno.INVALID_KEY,
                () -> onToken.newSigner(SignatureAlgorithm.ECDSA_K256_SHA256, p256));
    }

    private static byte[] sign(
            SignaturePrimitives backend, SignatureAlgorithm algorithm, BackendKeyPair pair) {
        SignerEngine signer = backend.newSigner(algorithm, pair);
        signer.update(PART1, 0, PART1.length);
        signer.update(PART2, 0, PART2.length);
        return signer.sign();
    }

    private static boolean verify(
            SignaturePrimitives backend,
            SignatureAlgorithm algorithm,
            BackendPublicKey publicKey,
            byte[] signature,
            byte[]... parts) {
        VerifierEngine verifier = backend.newVerifier(algorithm, publicKey);
        for (byte[] part : parts) {
            verifier.update(part, 0, part.length);
        }
        return verifier.verify(signature);
    }

    private static void assertErrno(CryptoErrno expected, Runnable action) {
        CryptoException e = assertThrows(CryptoException.class, action::run);
        assertEquals(expected, e.errno(), e.getMessage());
    }
}
