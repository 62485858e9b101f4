package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SunPKCS11 provider object, and what {@code extractable} allows. */
class JcaProviderAndExportTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    @Test
    void jcaProvider_default_generatesSensitiveKeysAndStaysOutOfTheProviderList() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open()) {
            Provider provider = hsm.jcaProvider();
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);

            SecretKey key = generator.generateKey();

            assertNull(key.getEncoded(), "a sensitive token key has no encoding");
            assertFalse(Arrays.asList(Security.getProviders()).contains(provider));
        }
    }

    @Test
    void jcaProvider_extractable_generatesExportableKeys() throws Exception {
        try (Pkcs11Backend hsm = TOKEN.open("extractable", true)) {
            KeyGenerator generator = KeyGenerator.getInstance("AES", hsm.jcaProvider());
            generator.init(128);

            SecretKey key = generator.generateKey();

            assertNotNull(key.getEncoded());
            assertEquals(16, key.getEncoded().length);
        }
    }

    @Test
    void exportRaw_extractableImportedKeys_returnsTheGuestsBytes() {
        try (Pkcs11Backend hsm = TOKEN.open("extractable", true)) {
            SymmetricPrimitives onToken = hsm.symmetric().orElseThrow();
            byte[] aes = bytes(32, 1);
            byte[] shortHmac = bytes(16, 2);

            BackendKey aesKey = onToken.importKey(SymmetricAlgorithm.AES_256_GCM, aes);
            BackendKey hmacKey = onToken.importKey(SymmetricAlgorithm.HMAC_SHA_256, shortHmac);

            assertTrue(aesKey.extractable());
            assertArrayEquals(aes, aesKey.exportRaw());
            assertArrayEquals(shortHmac, hmacKey.exportRaw(), "padding is not exported");
        }
    }

    @Test
    void exportRaw_extractableGeneratedKey_hasTheKeyLength() {
        try (Pkcs11Backend hsm = TOKEN.open("extractable", true)) {
            BackendKey key =
                    hsm.symmetric().orElseThrow().generateKey(SymmetricAlgorithm.HMAC_SHA_512);

            assertEquals(64, key.exportRaw().length);
        }
    }

    @Test
    void exportRaw_longHmacKeyHeldOnlyAsItsHash_failsProhibitedOperation() {
        try (Pkcs11Backend hsm = TOKEN.open("extractable", true)) {
            BackendKey key =
                    hsm.symmetric()
                            .orElseThrow()
                            .importKey(SymmetricAlgorithm.HMAC_SHA_256, bytes(200, 3));

            CryptoException e = assertThrows(CryptoException.class, key::exportRaw);

            assertFalse(key.extractable());
            assertEquals(CryptoErrno.PROHIBITED_OPERATION, e.errno());
        }
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
