package io.cryptobridge.software;

import static io.cryptobridge.software.AbiHarness.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.secrets.VersionSelector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keystore behind provider-core's secrets manager, as a guest sees it through the ABI: what one
 * host stores, a second host on the same directory (a restart) finds again.
 */
class KeystoreAbiTest {
    private static final int ID_LENGTH = 32;

    @TempDir Path keystore;

    private static int openManager(AbiHarness guest) {
        int out = guest.slot();
        check(guest.call("secrets_manager_open", guest.none(), out));
        return guest.i32(out);
    }

    /** symmetric_key_id: the id, and the version in the last 8 bytes of the returned array. */
    private static String keyId(AbiHarness guest, int key, long[] version) {
        int buffer = guest.alloc(ID_LENGTH);
        int size = guest.slot();
        int versionOut = guest.slot();
        check(guest.call("symmetric_key_id", key, buffer, ID_LENGTH, size, versionOut));
        version[0] = guest.memory.readLong(versionOut);
        return new String(
                guest.memory.readBytes(buffer, guest.i32(size)), StandardCharsets.US_ASCII);
    }

    @Test
    void managedKey_generatedBeforeARestart_loadsAfterItAndStaysUnexportable() {
        String id;
        try (AbiHarness first = new AbiHarness(KeystoreFixture.backend(keystore))) {
            int manager = openManager(first);
            int key = first.slot();
            check(
                    first.call(
                            "symmetric_key_generate_managed",
                            manager,
                            first.put("AES-256-GCM"),
                            "AES-256-GCM".length(),
                            first.none(),
                            key));
            id = keyId(first, first.i32(key), new long[1]);
            assertEquals(
                    CryptoErrno.PROHIBITED_OPERATION.code(),
                    first.call("symmetric_key_export", first.i32(key), first.slot()));
        }

        try (AbiHarness second = new AbiHarness(KeystoreFixture.backend(keystore))) {
            int manager = openManager(second);
            int key = second.slot();
            check(
                    second.call(
                            "symmetric_key_from_id",
                            manager,
                            second.put(id),
                            ID_LENGTH,
                            VersionSelector.LATEST,
                            key));
            long[] version = new long[1];

            assertEquals(id, keyId(second, second.i32(key), version));
            assertEquals(1, version[0]);
            assertEquals(
                    CryptoErrno.PROHIBITED_OPERATION.code(),
                    second.call("symmetric_key_export", second.i32(key), second.slot()));
        }
    }

    @Test
    void externalSecret_storedBeforeARestart_readsBackAfterIt() {
        byte[] secret = "database password".getBytes(StandardCharsets.UTF_8);
        long expiration = Instant.now().getEpochSecond() + 3600;
        byte[] id;
        try (AbiHarness first = new AbiHarness(KeystoreFixture.backend(keystore, "pw", false))) {
            int manager = openManager(first);
            int buffer = first.alloc(ID_LENGTH);
            check(
                    first.call(
                            "external_secret_store",
                            manager,
                            first.put(secret),
                            secret.length,
                            expiration,
                            buffer,
                            ID_LENGTH));
            id = first.memory.readBytes(buffer, ID_LENGTH);
        }

        try (AbiHarness second = new AbiHarness(KeystoreFixture.backend(keystore, "pw", false))) {
            int manager = openManager(second);
            int out = second.slot();
            check(
                    second.call(
                            "external_secret_from_id",
                            manager,
                            second.put(id),
                            ID_LENGTH,
                            VersionSelector.LATEST,
                            out));

            assertArrayEquals(secret, second.pull(second.i32(out)));
        }
    }
}
