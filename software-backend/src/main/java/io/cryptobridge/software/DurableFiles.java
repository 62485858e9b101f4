package io.cryptobridge.software;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The keystore's file operations: owner-only directories and files, and writes that are durable and
 * atomic across threads and processes. A file is first written whole to a temporary name in its
 * target directory and forced to disk; only then does it appear under its final name, so a reader
 * never sees a partial file and a crash leaves at most a stray temporary file (named {@link
 * #TEMP_PREFIX}..., ignored by every listing).
 */
final class DurableFiles {
    /** Temporary files start with this; listings skip them. */
    static final String TEMP_PREFIX = ".tmp-";

    private static final Set<PosixFilePermission> OWNER_DIR =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");

    private final SecureRandom random;
    private final boolean posix;

    DurableFiles(Path anyPathOnTheFileSystem, SecureRandom random) {
        this.random = random;
        this.posix =
                anyPathOnTheFileSystem
                        .getFileSystem()
                        .supportedFileAttributeViews()
                        .contains("posix");
    }

    /** Creates {@code dir} and its missing parents, each new one readable by the owner only. */
    void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, dirAttributes());
            // The creation mode passes through the umask; set it again so it is exactly 0700.
            restrict(dir, OWNER_DIR);
            syncDirectory(parent);
        } catch (FileAlreadyExistsException e) {
            // Another thread or process made it first: fine, as long as it is a directory.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Writes {@code content} under {@code target} if no file of that name exists, atomically: of
     * several writers (threads or processes) exactly one returns true; the others return false and
     * leave nothing behind. Returns only when the file and its directory entry are on disk.
     */
    boolean createIfAbsent(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            // link(2) fails if the name exists: the atomic create-if-absent that rename lacks.
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            throw new IOException(
                    "the file system of " + target + " has no hard links, which the keystore needs",
                    e);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
        return true;
    }

    /** Replaces (or creates) {@code target} with {@code content} in one atomic rename. */
    void replace(Path target, byte[] content) throws IOException {
        Path temp = writeTemp(target, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
    }

    /** The file's bytes, or empty if it does not exist. */
    static Optional<byte[]> readIfPresent(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path writeTemp(Path target, byte[] content) throws IOException {
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        Path temp =
                target.resolveSibling(
                        TEMP_PREFIX
                                + target.getFileName()
                                + "-"
                                + HexFormat.of().formatHex(suffix));
        boolean written = false;
        try (FileChannel channel =
                FileChannel.open(
                        temp,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        fileAttributes())) {
            restrict(temp, OWNER_FILE);
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            written = true;
        } finally {
            if (!written) {
                Files.deleteIfExists(temp);
            }
        }
        return temp;
    }

    /** Forces a directory's entries to disk (where the platform allows opening a directory). */
    private static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UncheckedIOException e) {
            // Some platforms cannot open or sync a directory; the file itself is already synced.
        }
    }

    private FileAttribute<?>[] dirAttributes() {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIR)}
                : new FileAttribute<?>[0];
    }

    private FileAttribute<?>[] fileAttributes() {
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    private void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (posix) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
