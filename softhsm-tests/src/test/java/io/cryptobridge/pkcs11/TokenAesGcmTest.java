package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11Constants;
import sun.security.pkcs11.wrapper.PKCS11Exception;

class TokenAesGcmTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] AAD = "header".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MESSAGE = "attack at dawn".getBytes(StandardCharsets.UTF_8);

    private static Pkcs11Backend hsm;
    private static SymmetricPrimitives onToken;
    private static SymmetricPrimitives software;

    @BeforeAll
    static void openBackends() {
        hsm = TOKEN.open();
        onToken = hsm.symmetric().orElseThrow();
        software = new SoftwareBackend("soft", RANDOM).symmetric().orElseThrow();
    }

    @AfterAll
    static void closeBackend() {
        hsm.close();
    }

    @ParameterizedTest
    @EnumSource(names = {"AES_128_GCM", "AES_256_GCM"})
    void seal_generatedKey_opensToPlaintext(SymmetricAlgorithm algorithm) {
        BackendKey key = onToken.generateKey(algorithm);
        AeadEngine aead = onToken.newAead(algorithm, key);
        byte[] nonce = nonce();

        byte[] sealed = aead.seal(nonce, AAD, MESSAGE);

        assertEquals(MESSAGE.length + 16, sealed.length);
        assertArrayEquals(MESSAGE, aead.open(nonce, AAD, sealed));
    }

    @Test
    void generatedKey_readValueThroughWrapper_failsAttributeSensitive() throws Exception {
        TokenKey key = (TokenKey) onToken.generateKey(SymmetricAlgorithm.AES_256_GCM);
        long handle = key.handleFor(SymmetricAlgorithm.AES_256_GCM);
        Pkcs11Token token = hsm.token();
        long session = token.openSession();
        try {
            CK_ATTRIBUTE[] value = {new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE)};

            PKCS11Exception e =
                    assertThrows(
                            PKCS11Exception.class,
                            () -> token.p11().C_GetAttributeValue(session, handle, value));

            assertEquals(Ckr.ATTRIBUTE_SENSITIVE, e.getErrorCode());
        } finally {
            token.closeQuietly(session);
        }
    }

    @Test
    void exportRaw_generatedKey_failsProhibitedOperation() {
        BackendKey key = onToken.generateKey(SymmetricAlgorithm.AES_256_GCM);

        CryptoException e = assertThrows(CryptoException.class, key::exportRaw);

        assertFalse(key.extractable());
        assertEquals(CryptoErrno.PROHIBITED_OPERATION, e.errno());
    }

    @Test
    void open_tamperedCiphertext_failsInvalidTag() {
        BackendKey key = onToken.generateKey(SymmetricAlgorithm.AES_256_GCM);
        AeadEngine aead = onToken.newAead(SymmetricAlgorithm.AES_256_GCM, key);
        byte[] nonce = nonce();
        byte[] sealed = aead.seal(nonce, AAD, MESSAGE);
        sealed[0] ^= 1;

        CryptoException e =
                assertThrows(CryptoException.class, () -> aead.open(nonce, AAD, sealed));

        assertEquals(CryptoErrno.INVALID_TAG, e.errno());
    }

    @Test
    void open_wrongAssociatedData_failsInvalidTag() {
        BackendKey key = onToken.generateKey(SymmetricAlgorithm.AES_128_GCM);
        AeadEngine aead = onToken.newAead(SymmetricAlgorithm.AES_128_GCM, key);
        byte[] nonce = nonce();
        byte[] sealed = aead.seal(nonce, AAD, MESSAGE);

        CryptoException e =
                assertThrows(CryptoException.class, () -> aead.open(nonce, new byte[] {1}, sealed));

        assertEquals(CryptoErrno.INVALID_TAG, e.errno());
    }

    @ParameterizedTest
    @EnumSource(names = {"AES_128_GCM", "AES_256_GCM"})
    void sealOnToken_openInSoftware_sameImportedKey(SymmetricAlgorithm algorithm) {
        byte[] raw = randomBytes(algorithm.keyLength());
        byte[] nonce = nonce();
        byte[] plaintext = randomBytes(1000);

        byte[] sealed =
                onToken.newAead(algorithm, onToken.importKey(algorithm, raw))
                        .seal(nonce, AAD, plaintext);
        byte[] opened =
                software.newAead(algorithm, software.importKey(algorithm, raw))
                        .open(nonce, AAD, sealed);

        assertArrayEquals(plaintext, opened);
    }

    @ParameterizedTest
    @EnumSource(names = {"AES_128_GCM", "AES_256_GCM"})
    void sealInSoftware_openOnToken_sameImportedKey(SymmetricAlgorithm algorithm) {
        byte[] raw = randomBytes(algorithm.keyLength());
        byte[] nonce = nonce();
        byte[] plaintext = randomBytes(70_000);

        byte[] sealed =
                software.newAead(algorithm, software.importKey(algorithm, raw))
                        .seal(nonce, AAD, plaintext);
        byte[] opened =
                onToken.newAead(algorithm, onToken.importKey(algorithm, raw))
                        .open(nonce, AAD, sealed);

        assertArrayEquals(plaintext, opened);
    }

    @Test
    void exportRaw_importedKeyNotExtractable_failsProhibitedOperation() {
        BackendKey key = onToken.importKey(SymmetricAlgorithm.AES_128_GCM, randomBytes(16));

        CryptoException e = assertThrows(CryptoException.class, key::exportRaw);

        assertEquals(CryptoErrno.PROHIBITED_OPERATION, e.errno());
    }

    @Test
    void newAead_destroyedKey_failsInvalidKey() {
        BackendKey key = onToken.generateKey(SymmetricAlgorithm.AES_128_GCM);
        key.destroy();

        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () -> onToken.newAead(SymmetricAlgorithm.AES_128_GCM, key));

        assertEquals(CryptoErrno.INVALID_KEY, e.errno());
    }

    @Test
    void newAead_softwareKey_failsInvalidKey() {
        BackendKey foreign = software.generateKey(SymmetricAlgorithm.AES_128_GCM);

        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () -> onToken.newAead(SymmetricAlgorithm.AES_128_GCM, foreign));

        assertEquals(CryptoErrno.INVALID_KEY, e.errno());
    }

    private static byte[] nonce() {
        return randomBytes(12);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
