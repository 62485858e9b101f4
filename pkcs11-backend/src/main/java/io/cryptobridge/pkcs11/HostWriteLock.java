package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes the secret store's writes to one token among the threads and processes of this
 * machine: a JVM-wide lock plus an OS file lock on {@code <java.io.tmpdir>/cryptobridge-token-
 * <hash of the token's identity>.lock}.
 *
 * <p>Why it exists: SoftHSM's file store does not always show a process the objects other processes
 * created. Its index is reread only when the token's generation counter on disk differs from the
 * one the process last saw, and a process that creates an object adopts the counter on disk, other
 * processes' increments included, without rereading (SoftHSM 2.6.1, {@code Generation::commit}). So
 * the claim protocol ({@link EntryClaims}) let two processes both win the same version (measured:
 * the two-process race test failed within 20 versions), and a reader could miss an entry another
 * process had stored. With every store write of every process on this machine under this lock, each
 * starting with a search (which rereads the index when another writer changed the counter
 * meanwhile), no process adopts a change it has not read, so every search sees everything written
 * before it. Processes on other machines (a token shared through several p11-kit servers) are not
 * covered; a token with one consistent object store (a network HSM) needs no lock, and the claim
 * protocol alone keeps it safe.
 */
final class HostWriteLock {
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final String backendName;
    private final Path file;

    HostWriteLock(String backendName, Path file) {
        this.backendName = backendName;
        this.file = file;
    }

    /** The lock of the token {@code description} names (label, serial, manufacturer, model). */
    static HostWriteLock forToken(String backendName, Pkcs11Token.TokenDescription description) {
        String identity =
                String.join(
                        "\n",
                        description.manufacturer(),
                        description.model(),
                        description.serial(),
                        description.label());
        byte[] hash;
        try {
            hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(identity.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        String name = "cryptobridge-token-" + HexFormat.of().formatHex(hash, 0, 12) + ".lock";
        return new HostWriteLock(backendName, Path.of(System.getProperty("java.io.tmpdir"), name));
    }

    /** Runs {@code work} holding the lock. */
    <T> T locked(Supplier<T> work) {
        ReentrantLock jvm = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        jvm.lock();
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = channel.lock();
            try {
                return work.get();
            } finally {
                held.release();
            }
        } catch (IOException e) {
            throw new CryptoException(
                    CryptoErrno.INTERNAL_ERROR,
                    "PKCS#11 backend '"
                            + backendName
                            + "' cannot lock "
                            + file
                            + " for writing managed keys: "
                            + e.getMessage());
        } finally {
            jvm.unlock();
        }
    }

    Path file() {
        return file;
    }
}
