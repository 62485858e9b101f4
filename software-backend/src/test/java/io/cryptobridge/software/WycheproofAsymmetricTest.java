package io.cryptobridge.software;

import static io.cryptobridge.software.Wycheproof.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cryptobridge.AlgorithmType;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKey;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureEncoding;
import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wycheproof through the provider-core services (import, states, verify, dh, decapsulate): what a
 * guest gets, minus the memory layer. The guests run the same vectors through the ABI.
 */
class WycheproofAsymmetricTest {
    private final AsymmetricFixture f = new AsymmetricFixture();

    @ParameterizedTest
    @CsvSource({
        "ecdsa_secp256r1_sha256_p1363_test.json,ECDSA_P256_SHA256,uncompressed",
        "ecdsa_secp384r1_sha384_p1363_test.json,ECDSA_P384_SHA384,uncompressed",
        "ecdsa_secp256k1_sha256_p1363_test.json,ECDSA_K256_SHA256,uncompressed",
        "ed25519_test.json,Ed25519,pk"
    })
    void signatureVectors_rawSignatures(String file, String algorithm, String keyField) {
        Wycheproof.Results results = new Wycheproof.Results();
        for (JsonNode group : Wycheproof.load(file).get("testGroups")) {
            byte[] key = hex(group.get("publicKey").get(keyField));
            PublicKeyEncoding encoding =
                    keyField.equals("pk") ? PublicKeyEncoding.RAW : PublicKeyEncoding.SEC;
            for (JsonNode test : group.get("tests")) {
                results.check(test, () -> verify(algorithm, key, encoding, test));
            }
        }
        results.assertNoMismatch(file);
    }

    @ParameterizedTest
    @CsvSource({
        "rsa_signature_2048_sha256_test.json,RSA_PKCS1_2048_SHA256",
        "rsa_pss_2048_sha256_mgf1_32_test.json,RSA_PSS_2048_SHA256"
    })
    void signatureVectors_rsa(String file, String algorithm) {
        Wycheproof.Results results = new Wycheproof.Results();
        for (JsonNode group : Wycheproof.load(file).get("testGroups")) {
            byte[] spki = hex(group.get("publicKeyDer"));
            for (JsonNode test : group.get("tests")) {
                results.check(test, () -> verify(algorithm, spki, PublicKeyEncoding.PKCS8, test));
            }
        }
        results.assertNoMismatch(file);
    }

    private void verify(String algorithm, byte[] key, PublicKeyEncoding encoding, JsonNode test) {
        PublicKey publicKey =
                f.keys.importPublicKey(AlgorithmType.SIGNATURES, algorithm, key, encoding);
        Signature signature =
                f.signatures.importSignature(
                        algorithm, hex(test.get("sig")), SignatureEncoding.RAW);
        f.verify(publicKey, signature, hex(test.get("msg")));
    }

    @Test
    void x25519Vectors() {
        Wycheproof.Results results = new Wycheproof.Results();
        for (JsonNode group : Wycheproof.load("x25519_test.json").get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                results.check(
                        test,
                        () -> {
                            SecretKey own =
                                    f.keys.importSecretKey(
                                            AlgorithmType.KEY_EXCHANGE,
                                            "X25519",
                                            hex(test.get("private")),
                                            SecretKeyEncoding.RAW);
                            PublicKey peer =
                                    f.keys.importPublicKey(
                                            AlgorithmType.KEY_EXCHANGE,
                                            "X25519",
                                            hex(test.get("public")),
                                            PublicKeyEncoding.RAW);
                            assertArrayEquals(hex(test.get("shared")), f.kx.dh(peer, own));
                        });
            }
        }
        results.assertNoMismatch("x25519_test.json");
    }

    @Test
    void ecdhP256Vectors() {
        Wycheproof.Results results = new Wycheproof.Results();
        for (JsonNode group : Wycheproof.load("ecdh_secp256r1_test.json").get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                results.check(
                        test,
                        () -> {
                            BigInteger d = new BigInteger(1, hex(test.get("private")));
                            SecretKey own =
                                    f.keys.importSecretKey(
                                            AlgorithmType.KEY_EXCHANGE,
                                            "P256-SHA256",
                                            BigIntegers.asUnsignedByteArray(32, d),
                                            SecretKeyEncoding.RAW);
                            PublicKey peer =
                                    f.keys.importPublicKey(
                                            AlgorithmType.KEY_EXCHANGE,
                                            "P256-SHA256",
                                            hex(test.get("public")),
                                            PublicKeyEncoding.PKCS8);
                            assertArrayEquals(hex(test.get("shared")), f.kx.dh(peer, own));
                        });
            }
        }
        results.assertNoMismatch("ecdh_secp256r1_test.json");
    }

    @Test
    void mlKem768Vectors_decapsulationFromSeed() {
        Wycheproof.Results results = new Wycheproof.Results();
        for (JsonNode group : Wycheproof.load("mlkem_768_test.json").get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                results.check(
                        test,
                        () -> {
                            SecretKey own =
                                    f.keys.importSecretKey(
                                            AlgorithmType.KEY_EXCHANGE,
                                            "ML-KEM-768",
                                            hex(test.get("seed")),
                                            SecretKeyEncoding.RAW);
                            if (test.has("ek")) {
                                assertArrayEquals(
                                        hex(test.get("ek")),
                                        own.publicKey().export(PublicKeyEncoding.RAW));
                            }
                            assertArrayEquals(
                                    hex(test.get("K")), f.kx.decapsulate(own, hex(test.get("c"))));
                        });
            }
        }
        results.assertNoMismatch("mlkem_768_test.json");
    }
}
