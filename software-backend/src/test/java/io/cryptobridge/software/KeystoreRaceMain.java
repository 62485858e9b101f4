package io.cryptobridge.software;

import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One contender of {@link KeystoreRaceTest}'s two-process race, run in its own JVM: opens the
 * keystore, says it is ready, waits for the start signal, then tries to create versions 1..N of one
 * id and prints {@code won V} for each version it created.
 *
 * <p>Arguments: keystore directory, namespace, id, N, ready file (created), go file (awaited).
 */
public final class KeystoreRaceMain {
    private KeystoreRaceMain() {}

    public static void main(String[] args) throws Exception {
        Path keystore = Path.of(args[0]);
        String namespace = args[1];
        String id = args[2];
        int count = Integer.parseInt(args[3]);
        Path ready = Path.of(args[4]);
        Path go = Path.of(args[5]);

        SecretStore store = KeystoreFixture.store(KeystoreFixture.backend(keystore));
        Files.createFile(ready);
        while (!Files.exists(go)) {
            Thread.onSpinWait();
        }
        for (long version = 1; version <= count; version++) {
            boolean won =
                    store.create(
                            KeystoreFixture.entry(
                                    namespace,
                                    id,
                                    version,
                                    ManagedKind.SYMMETRIC_KEY,
                                    SymmetricAlgorithm.AES_256_GCM.specName()),
                            new ManagedContent.NewSymmetricKey(SymmetricAlgorithm.AES_256_GCM));
            if (won) {
                System.out.println("won " + version);
            }
        }
        System.out.flush();
    }
}
