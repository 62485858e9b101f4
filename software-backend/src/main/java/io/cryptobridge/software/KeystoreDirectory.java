package io.cryptobridge.software;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each version lives in the keystore directory:
 *
 * <pre>
 * KEYSTORE/
 *   keystore.key | keystore.kdf         the key-encryption key (see KeystoreKekSource)
 *   ns-NAMESPACE/ID/VERSION.entry       one version: a live entry or, once invalidated, a tombstone
 *   ns-NAMESPACE/ID/VERSION.invalidated the claim of the one invalidation that won
 * </pre>
 *
 * The {@code ns-} prefix keeps namespaces such as {@code ..} (valid in a namespace) from naming
 * anything but a subdirectory. A version's {@code .entry} name is taken once and never freed.
 */
final class KeystoreDirectory {
    private static final String NAMESPACE_PREFIX = "ns-";
    private static final Pattern ENTRY_NAME = Pattern.compile("([1-9][0-9]{0,19})\\.entry");

    private final Path root;

    KeystoreDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path idDirectory(String namespace, String id) {
        return root.resolve(NAMESPACE_PREFIX + namespace).resolve(id);
    }

    Path entryFile(String namespace, String id, long version) {
        return idDirectory(namespace, id).resolve(Long.toUnsignedString(version) + ".entry");
    }

    Path invalidationMarker(String namespace, String id, long version) {
        return idDirectory(namespace, id).resolve(Long.toUnsignedString(version) + ".invalidated");
    }

    /** The (unsigned) version numbers that have a file under (namespace, id), live or tombstone. */
    List<Long> versions(String namespace, String id) throws IOException {
        List<Long> versions = new ArrayList<>();
        for (Path file : children(idDirectory(namespace, id))) {
            Matcher matcher = ENTRY_NAME.matcher(file.getFileName().toString());
            if (matcher.matches()) {
                try {
                    versions.add(Long.parseUnsignedLong(matcher.group(1)));
                } catch (NumberFormatException e) {
                    // Above 2^64: no version of ours; ignore it like any foreign file.
                }
            }
        }
        return versions;
    }

    /** The namespaces that have a directory. */
    List<String> namespaces() throws IOException {
        List<String> namespaces = new ArrayList<>();
        for (Path dir : children(root)) {
            String name = dir.getFileName().toString();
            if (name.startsWith(NAMESPACE_PREFIX) && Files.isDirectory(dir)) {
                namespaces.add(name.substring(NAMESPACE_PREFIX.length()));
            }
        }
        return namespaces;
    }

    /** The ids that have a directory in {@code namespace}. */
    List<String> ids(String namespace) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path dir : children(root.resolve(NAMESPACE_PREFIX + namespace))) {
            String name = dir.getFileName().toString();
            if (io.cryptobridge.spi.ManagedEntry.isId(name) && Files.isDirectory(dir)) {
                ids.add(name);
            }
        }
        return ids;
    }

    /** The directory's entries; none if it does not exist (the keystore is created lazily). */
    private static List<Path> children(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (NoSuchFileException e) {
            // Nothing stored there yet.
        }
        return children;
    }
}
