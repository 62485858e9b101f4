package io.cryptobridge.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static CryptoErrno errnoOf(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(CryptoException.class, e).errno();
    }

    @Test
    void decode_rawOfWrongLength_failsInvalidSignature() {
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(
                        () ->
                                Signature.decode(
                                        SignatureAlgorithm.ECDSA_P256_SHA256,
                                        new byte[63],
                                        SignatureEncoding.RAW)));
        assertEquals(
                CryptoErrno.INVALID_SIGNATURE,
                errnoOf(
                        () ->
                                Signature.decode(
                                        SignatureAlgorithm.RSA_PKCS1_2048_SHA256,
                                        new byte[255],
                                        SignatureEncoding.RAW)));
    }

    @Test
    void decode_derForEd25519OrRsa_failsUnsupportedEncoding() {
        for (SignatureAlgorithm algorithm :
                new SignatureAlgorithm[] {
                    SignatureAlgorithm.ED25519, SignatureAlgorithm.RSA_PSS_2048_SHA256
                }) {
            assertEquals(
                    CryptoErrno.UNSUPPORTED_ENCODING,
                    errnoOf(
                            () ->
                                    Signature.decode(
                                            algorithm,
                                            new byte[] {0x30, 0x00},
                                            SignatureEncoding.DER)));
        }
    }

    @Test
    void parse_anyCase_findsAlgorithm_unknownFailsUnsupportedAlgorithm() {
        assertEquals(SignatureAlgorithm.ED25519, SignatureAlgorithm.parse("ed25519"));
        assertEquals(SignatureAlgorithm.ED25519, SignatureAlgorithm.parse("Ed25519"));
        assertEquals(
                SignatureAlgorithm.ECDSA_K256_SHA256,
                SignatureAlgorithm.parse("ecdsa_k256_sha256"));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ALGORITHM,
                errnoOf(() -> SignatureAlgorithm.parse("Ed448")));
        assertEquals(
                CryptoErrno.UNSUPPORTED_ALGORITHM,
                errnoOf(() -> SignatureAlgorithm.parse("X25519")));
    }

    @Test
    void signatureLength_perScheme() {
        assertEquals(64, SignatureAlgorithm.ECDSA_P256_SHA256.signatureLength());
        assertEquals(96, SignatureAlgorithm.ECDSA_P384_SHA384.signatureLength());
        assertEquals(64, SignatureAlgorithm.ED25519.signatureLength());
        assertEquals(512, SignatureAlgorithm.RSA_PSS_4096_SHA512.signatureLength());
    }
}
