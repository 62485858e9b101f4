package io.cryptobridge.software;

import static io.cryptobridge.software.KeystoreFixture.backend;
import static io.cryptobridge.software.KeystoreFixture.entry;
import static io.cryptobridge.software.KeystoreFixture.newId;
import static io.cryptobridge.software.KeystoreFixture.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers racing for the same versions of one id, in one JVM (threads) and in two JVMs sharing the
 * keystore directory: every version must have exactly one winner, and every entry must open
 * afterwards (the keystore key itself is created in the same race).
 */
class KeystoreRaceTest {
    private static final String NS = "race";
    private static final int VERSIONS = 100;

    @TempDir Path temp;

    private Path keystore() {
        return temp.resolve("keystore");
    }

    private static ManagedEntry version(String id, long version) {
        return entry(
                NS,
                id,
                version,
                ManagedKind.SYMMETRIC_KEY,
                SymmetricAlgorithm.AES_256_GCM.specName());
    }

    @Test
    void create_fourThreadsRacingForEachVersion_eachVersionHasOneWinner() throws Exception {
        SecretStore store = store(backend(keystore()));
        String id = newId();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    List<Long> won = new ArrayList<>();
                                    for (long v = 1; v <= VERSIONS; v++) {
                                        if (store.create(
                                                version(id, v),
                                                new ManagedContent.NewSymmetricKey(
                                                        SymmetricAlgorithm.AES_256_GCM))) {
                                            won.add(v);
                                        }
                                    }
                                    return won;
                                }));
            }
            start.countDown();
            List<List<Long>> wins = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                wins.add(result.get(120, TimeUnit.SECONDS));
            }
            assertOneWinnerPerVersion(wins, store, id);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void create_twoProcessesRacingForEachVersion_eachVersionHasOneWinner() throws Exception {
        String id = newId();
        Path go = temp.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        try {
            for (int p = 0; p < 2; p++) {
                Path output = temp.resolve("out-" + p);
                outputs.add(output);
                processes.add(
                        new ProcessBuilder(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-Xmx64m",
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        KeystoreRaceMain.class.getName(),
                                        keystore().toString(),
                                        NS,
                                        id,
                                        Integer.toString(VERSIONS),
                                        temp.resolve("ready-" + p).toString(),
                                        go.toString())
                                .redirectOutput(output.toFile())
                                .redirectError(temp.resolve("err-" + p).toFile())
                                .start());
            }
            awaitReady(processes);
            Files.createFile(go);
            List<List<Long>> wins = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                int contender = p;
                if (!processes.get(p).waitFor(120, TimeUnit.SECONDS)) {
                    fail("contender " + p + " did not finish");
                }
                assertEquals(0, processes.get(p).exitValue(), () -> stderr(contender));
                wins.add(wonVersions(outputs.get(p)));
            }
            assertOneWinnerPerVersion(wins, store(backend(keystore())), id);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private void awaitReady(List<Process> processes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int p = 0; p < processes.size(); p++) {
            while (!Files.exists(temp.resolve("ready-" + p))) {
                if (!processes.get(p).isAlive()) {
                    fail("contender " + p + " exited early: " + stderr(p));
                }
                if (System.nanoTime() > deadline) {
                    fail("contender " + p + " never became ready");
                }
                Thread.sleep(10);
            }
        }
    }

    private String stderr(int p) {
        try {
            return Files.readString(temp.resolve("err-" + p));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    private static List<Long> wonVersions(Path output) throws IOException {
        List<Long> won = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            won.add(Long.parseLong(line.substring("won ".length())));
        }
        return won;
    }

    /**
     * Together the contenders created 1..VERSIONS, none twice; every entry opens; no temp files.
     */
    private void assertOneWinnerPerVersion(List<List<Long>> wins, SecretStore store, String id)
            throws IOException {
        Map<Long, Integer> winners = new HashMap<>();
        wins.forEach(list -> list.forEach(v -> winners.merge(v, 1, Integer::sum)));
        for (long v = 1; v <= VERSIONS; v++) {
            assertEquals(1, winners.getOrDefault(v, 0), "winners of version " + v);
        }
        assertEquals(VERSIONS, winners.size());
        assertEquals(VERSIONS, store.highestVersion(NS, id));
        assertEquals(VERSIONS, store.list(Optional.of(NS)).size());
        try (Stream<Path> files = Files.list(keystore().resolve("ns-" + NS).resolve(id))) {
            assertEquals(VERSIONS, files.count(), "files besides the entries were left behind");
        }
        try (Stream<Path> files = Files.list(keystore())) {
            assertEquals(
                    List.of("keystore.key", "ns-" + NS),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
