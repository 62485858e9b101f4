package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.MacEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** HMAC and SHA-2 on the token give the same bytes as the software backend. */
class TokenHmacAndHashTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final SecureRandom RANDOM = new SecureRandom();

    private static Pkcs11Backend hsm;
    private static SymmetricPrimitives onToken;
    private static SymmetricPrimitives software;

    @BeforeAll
    static void openBackends() {
        hsm = TOKEN.open("max-buffered-bytes", 1L << 20);
        onToken = hsm.symmetric().orElseThrow();
        software = new SoftwareBackend("soft", RANDOM).symmetric().orElseThrow();
    }

    @AfterAll
    static void closeBackend() {
        hsm.close();
    }

    /**
     * Key lengths around SoftHSM's minimum (the digest length; shorter keys need zero-padding) and
     * the block size (longer keys are hashed first).
     */
    static Stream<Arguments> hmacKeyLengths() {
        return Stream.of(1, 5, 16, 31, 32, 33, 64, 65, 100, 128, 129, 200)
                .flatMap(
                        length ->
                                Stream.of(
                                        Arguments.of(SymmetricAlgorithm.HMAC_SHA_256, length),
                                        Arguments.of(SymmetricAlgorithm.HMAC_SHA_512, length)));
    }

    @ParameterizedTest(name = "{0} with a {1}-byte key")
    @MethodSource("hmacKeyLengths")
    void tag_importedKey_equalsSoftware(SymmetricAlgorithm algorithm, int keyLength) {
        byte[] raw = randomBytes(keyLength);
        byte[] message = randomBytes(300);

        byte[] onTokenTag = tag(onToken, algorithm, raw, message);
        byte[] softwareTag = tag(software, algorithm, raw, message);

        assertArrayEquals(softwareTag, onTokenTag);
    }

    @Test
    void tag_copyAfterPartialInput_continuesIndependently() {
        SymmetricAlgorithm algorithm = SymmetricAlgorithm.HMAC_SHA_256;
        byte[] raw = randomBytes(16);
        MacEngine mac = onToken.newMac(algorithm, onToken.importKey(algorithm, raw));
        mac.update(new byte[] {1, 2, 3}, 0, 3);

        MacEngine copy = mac.copy();
        copy.update(new byte[] {4}, 0, 1);
        mac.update(new byte[] {5}, 0, 1);

        assertArrayEquals(tag(software, algorithm, raw, new byte[] {1, 2, 3, 4}), copy.tag());
        assertArrayEquals(tag(software, algorithm, raw, new byte[] {1, 2, 3, 5}), mac.tag());
    }

    @ParameterizedTest
    @EnumSource(names = {"HMAC_SHA_256", "HMAC_SHA_512"})
    void tag_generatedKey_hasDigestLength(SymmetricAlgorithm algorithm) {
        BackendKey key = onToken.generateKey(algorithm);
        MacEngine mac = onToken.newMac(algorithm, key);
        mac.update(new byte[10], 0, 10);

        assertEquals(algorithm.hashLength(), mac.tag().length);
    }

    @ParameterizedTest
    @EnumSource(names = {"SHA_256", "SHA_384", "SHA_512"})
    void digest_manySizes_equalsSoftware(SymmetricAlgorithm algorithm) {
        for (int length : new int[] {0, 1, 55, 56, 64, 111, 112, 128, 1000, 100_000}) {
            byte[] data = randomBytes(length);
            HashEngine onTokenHash = onToken.newHash(algorithm);
            HashEngine softwareHash = software.newHash(algorithm);
            // Absorb in two pieces, as a guest calling symmetric_state_absorb twice would.
            onTokenHash.update(data, 0, length / 2);
            onTokenHash.update(data, length / 2, length - length / 2);
            softwareHash.update(data, 0, length);

            assertArrayEquals(
                    softwareHash.digest(), onTokenHash.digest(), algorithm + " of " + length);
        }
    }

    @Test
    void update_beyondBufferLimit_failsOverflow() {
        HashEngine hash = onToken.newHash(SymmetricAlgorithm.SHA_256);
        byte[] chunk = new byte[1 << 19];
        hash.update(chunk, 0, chunk.length);
        hash.update(chunk, 0, chunk.length);

        CryptoException e = assertThrows(CryptoException.class, () -> hash.update(chunk, 0, 1));

        assertEquals(CryptoErrno.OVERFLOW, e.errno());
    }

    private static byte[] tag(
            SymmetricPrimitives backend, SymmetricAlgorithm algorithm, byte[] raw, byte[] message) {
        MacEngine mac = backend.newMac(algorithm, backend.importKey(algorithm, raw));
        mac.update(message, 0, message.length);
        return mac.tag();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
