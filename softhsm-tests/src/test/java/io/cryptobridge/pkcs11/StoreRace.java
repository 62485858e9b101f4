package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Two JVMs that create versions of one managed id on one token at the same moment, and the checks
 * on what they leave: each version exists at most once, exactly as often as a writer was told it
 * won, with exactly one key object, and no pending record is left behind.
 *
 * <p>Phase A: both writers create versions 1..{@value #CONTESTED} directly, so that they collide.
 * Phase B: as provider-core does it: next = highest + 1, create, on false a short random pause and
 * again; each writer stores {@value #EACH} versions.
 */
final class StoreRace {
    static final int CONTESTED = 20;
    static final int EACH = 8;
    static final String NAMESPACE = "race";
    private static final SymmetricAlgorithm ALGORITHM = SymmetricAlgorithm.HMAC_SHA_256;
    private static final byte[] TAG_INPUT =
            "tagged in another JVM".getBytes(StandardCharsets.UTF_8);

    private StoreRace() {}

    /**
     * Runs two writers against {@code library} (SoftHSM itself, or p11-kit's client) and checks the
     * token through {@code checker}, a backend of this JVM on the same token.
     */
    static void run(Path library, String tokenLabel, String pin, Pkcs11Backend checker)
            throws Exception {
        String id = TokenSecretStoreTest.newId();
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder builder =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "--add-exports",
                                    "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    Writer.class.getName(),
                                    library.toString(),
                                    tokenLabel,
                                    id)
                            .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("RACE_PIN", pin);
            writers.add(builder.start());
        }
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process writer : writers) {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine(), "writer started");
            outputs.add(out);
        }
        for (Process writer : writers) { // both are ready: let them go together
            OutputStream go = writer.getOutputStream();
            go.write('\n');
            go.flush();
        }
        Map<Long, Integer> winsA = new HashMap<>();
        Map<Long, String> tags = new HashMap<>();
        List<Long> storedB = new ArrayList<>();
        int lostA = 0;
        for (int i = 0; i < 2; i++) {
            for (String line = outputs.get(i).readLine(); !"done".equals(line); ) {
                assertTrue(line != null, "writer " + i + " ended early");
                String[] parts = line.split(" ");
                long version = Long.parseLong(parts[1]);
                if (parts[0].equals("T")) {
                    tags.put(version, parts[2]);
                } else if (parts[0].equals("A") && parts[2].equals("won")) {
                    winsA.merge(version, 1, Integer::sum);
                } else if (parts[0].equals("A")) {
                    lostA++;
                } else {
                    storedB.add(version);
                }
                line = outputs.get(i).readLine();
            }
            assertTrue(writers.get(i).waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, writers.get(i).exitValue());
        }
        System.out.println(
                "race: phase A " + winsA.size() + " versions won, " + lostA + " creates lost");

        winsA.forEach(
                (version, wins) -> assertEquals(1, wins, "version " + version + " won twice"));
        assertEquals(2 * EACH, new TreeSet<>(storedB).size(), "phase B versions are distinct");
        TreeSet<Long> won = new TreeSet<>(winsA.keySet());
        won.addAll(storedB);
        SecretStore store = checker.secretStore().orElseThrow();
        List<Long> onToken =
                store.list(Optional.of(NAMESPACE)).stream().map(ManagedEntry::version).toList();
        assertEquals(List.copyOf(won), onToken, "exactly the won versions are stored, once each");
        for (long version = 1; version <= won.last(); version++) {
            ManagedName name = new ManagedName(NAMESPACE, id, version);
            long keyObjects =
                    TokenObjects.objectsWithId(checker, name.objectId()).stream()
                            .filter(TokenObjects.KeyAttributes::token)
                            .count();
            assertEquals(won.contains(version) ? 1 : 0, keyObjects, "key objects of v" + version);
        }
        assertTrue(!tags.isEmpty());
        for (Map.Entry<Long, String> tag : tags.entrySet()) {
            io.cryptobridge.spi.MacEngine mac =
                    checker.symmetric()
                            .orElseThrow()
                            .newMac(
                                    ALGORITHM,
                                    store.loadSymmetricKey(
                                            store.find(
                                                            NAMESPACE,
                                                            id,
                                                            tag.getKey(),
                                                            ManagedKind.SYMMETRIC_KEY)
                                                    .orElseThrow()));
            mac.update(TAG_INPUT, 0, TAG_INPUT.length);
            assertEquals(
                    tag.getValue(),
                    HexFormat.of().formatHex(mac.tag()),
                    "this JVM's tag with the key another JVM stored");
        }
        assertTrue(
                TokenObjects.dataObjectLabels(checker).stream()
                        .noneMatch(label -> label.endsWith("/pending")),
                "no claim is left pending");
    }

    /** One racing host process: prints "ready", waits for a line, creates, prints the results. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            try (Pkcs11Backend hsm =
                    Pkcs11Backend.open(
                            "hsm",
                            Map.of(
                                    "library",
                                    args[0],
                                    "token",
                                    "pkcs11:token=" + args[1],
                                    "pin",
                                    Map.of("env", "RACE_PIN")))) {
                SecretStore store = hsm.secretStore().orElseThrow();
                String id = args[2];
                ManagedContent content = new ManagedContent.NewSymmetricKey(ALGORITHM);
                System.out.println("ready");
                System.out.flush();
                System.in.read();
                for (long v = 1; v <= CONTESTED; v++) {
                    boolean won = store.create(entry(id, v), content);
                    System.out.println("A " + v + (won ? " won" : " lost"));
                }
                SecureRandom random = new SecureRandom();
                for (int stored = 0; stored < EACH; ) {
                    long v = store.highestVersion(NAMESPACE, id) + 1;
                    if (store.create(entry(id, v), content)) {
                        System.out.println("B " + v);
                        stored++;
                    } else {
                        Thread.sleep(random.nextInt(5));
                    }
                }
                // A tag with the last key this process stored, for the other JVM to recompute.
                long last = store.highestVersion(NAMESPACE, id);
                io.cryptobridge.spi.MacEngine mac =
                        hsm.symmetric()
                                .orElseThrow()
                                .newMac(ALGORITHM, store.loadSymmetricKey(entry(id, last)));
                mac.update(TAG_INPUT, 0, TAG_INPUT.length);
                System.out.println("T " + last + " " + HexFormat.of().formatHex(mac.tag()));
                System.out.println("done");
            }
        }

        private static ManagedEntry entry(String id, long version) {
            return new ManagedEntry(
                    NAMESPACE,
                    id,
                    version,
                    ManagedKind.SYMMETRIC_KEY,
                    ALGORITHM.specName(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    0);
        }
    }
}
