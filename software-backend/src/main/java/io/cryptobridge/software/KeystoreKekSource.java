package io.cryptobridge.software;

import io.cryptobridge.config.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Finds or creates the keystore's {@link KeystoreKek}, in one of two modes:
 *
 * <ul>
 *   <li>with {@code keystore-password}: the key is PBKDF2-HMAC-SHA256 of the password; salt,
 *       iteration count and the key's check value live in {@value #HEADER_FILE}, so a wrong
 *       password is caught before any entry is touched;
 *   <li>without: a random key in {@value #KEY_FILE}, readable by the owner only. It protects the
 *       entries only as well as the file permissions do.
 * </ul>
 *
 * Both files are created on first use with the atomic create-if-absent of {@link DurableFiles}; if
 * two processes race, the loser adopts the winner's file.
 */
final class KeystoreKekSource {
    static final String HEADER_FILE = "keystore.kdf";
    static final String KEY_FILE = "keystore.key";

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;

    private static final String HEADER_MAGIC = "cryptobridge-keystore 1";
    private static final String KDF = "PBKDF2-HMAC-SHA256";
    private static final int SALT_LENGTH = 16;
    private static final int MAX_ITERATIONS = 100_000_000;

    private final Path root;
    private final Optional<SecretRef> password;
    private final int newIterations;
    private final DurableFiles files;
    private final SecureRandom random;
    private KeystoreKek kek;

    KeystoreKekSource(
            Path root,
            Optional<SecretRef> password,
            int newIterations,
            DurableFiles files,
            SecureRandom random) {
        this.root = root;
        this.password = password;
        this.newIterations = newIterations;
        this.files = files;
        this.random = random;
    }

    /**
     * The key if the keystore has one already; empty for a keystore nobody has written to yet.
     *
     * @throws KeystoreException on a wrong password or a keystore set up in the other mode
     */
    synchronized Optional<KeystoreKek> existing() {
        if (kek == null) {
            try {
                kek = password.isPresent() ? existingPasswordKek() : existingRandomKek();
            } catch (IOException e) {
                throw new KeystoreException(
                        "cannot read the key of keystore " + root + ": " + e, e);
            }
        }
        return Optional.ofNullable(kek);
    }

    /** The key, created (with the keystore directory) if the keystore has none yet. */
    synchronized KeystoreKek getOrCreate() {
        Optional<KeystoreKek> found = existing();
        if (found.isPresent()) {
            return found.get();
        }
        try {
            files.createDirectories(root);
            if (password.isPresent()) {
                createPasswordHeader();
            } else {
                createRandomKey();
            }
        } catch (IOException e) {
            throw new KeystoreException("cannot create the key of keystore " + root + ": " + e, e);
        }
        // Whoever won the race, the file on disk now decides.
        return existing()
                .orElseThrow(
                        () -> new KeystoreException("keystore " + root + " lost its key file"));
    }

    private KeystoreKek existingRandomKek() throws IOException {
        Optional<byte[]> bytes = DurableFiles.readIfPresent(root.resolve(KEY_FILE));
        if (bytes.isEmpty()) {
            if (Files.exists(root.resolve(HEADER_FILE))) {
                throw new KeystoreException(
                        "keystore "
                                + root
                                + " is protected by a password ("
                                + HEADER_FILE
                                + "), but the backend has no keystore-password");
            }
            return null;
        }
        byte[] keyBytes = bytes.get();
        try {
            if (keyBytes.length != KeystoreKek.KEY_LENGTH) {
                throw new KeystoreException(
                        "keystore key file "
                                + root.resolve(KEY_FILE)
                                + " is damaged (not "
                                + KeystoreKek.KEY_LENGTH
                                + " bytes)");
            }
            return new KeystoreKek(keyBytes, random);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    private void createRandomKey() throws IOException {
        byte[] keyBytes = new byte[KeystoreKek.KEY_LENGTH];
        random.nextBytes(keyBytes);
        try {
            files.createIfAbsent(root.resolve(KEY_FILE), keyBytes);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    private KeystoreKek existingPasswordKek() throws IOException {
        Path headerFile = root.resolve(HEADER_FILE);
        Optional<byte[]> bytes = DurableFiles.readIfPresent(headerFile);
        if (bytes.isEmpty()) {
            if (Files.exists(root.resolve(KEY_FILE))) {
                throw new KeystoreException(
                        "keystore "
                                + root
                                + " has a random key file ("
                                + KEY_FILE
                                + ") and no password header; remove keystore-password or use"
                                + " another keystore directory");
            }
            return null;
        }
        Header header = Header.parse(new String(bytes.get(), StandardCharsets.UTF_8), headerFile);
        KeystoreKek derived = derive(header.salt, header.iterations);
        if (!MessageDigest.isEqual(derived.id(), header.check)) {
            throw new KeystoreException(
                    "wrong keystore-password for keystore "
                            + root
                            + " (it does not match the check value in "
                            + HEADER_FILE
                            + ")");
        }
        return derived;
    }

    private void createPasswordHeader() throws IOException {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        KeystoreKek derived = derive(salt, newIterations);
        Header header = new Header(newIterations, salt, derived.id());
        if (files.createIfAbsent(
                root.resolve(HEADER_FILE), header.format().getBytes(StandardCharsets.UTF_8))) {
            // Ours won: no need to run PBKDF2 a second time to read it back.
            kek = derived;
        }
    }

    private KeystoreKek derive(byte[] salt, int iterations) {
        char[] chars = password.orElseThrow().resolve();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KeystoreKek.KEY_LENGTH * 8);
        Arrays.fill(chars, '\0');
        byte[] keyBytes = null;
        try {
            keyBytes =
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(spec)
                            .getEncoded();
            return new KeystoreKek(keyBytes, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from the JDK", e);
        } finally {
            spec.clearPassword();
            if (keyBytes != null) {
                Arrays.fill(keyBytes, (byte) 0);
            }
        }
    }

    /** The password header: text lines, so an operator can see what protects the keystore. */
    private record Header(int iterations, byte[] salt, byte[] check) {
        String format() {
            HexFormat hex = HexFormat.of();
            return HEADER_MAGIC
                    + "\nkdf="
                    + KDF
                    + "\niterations="
                    + iterations
                    + "\nsalt="
                    + hex.formatHex(salt)
                    + "\ncheck="
                    + hex.formatHex(check)
                    + "\n";
        }

        static Header parse(String text, Path file) {
            String[] lines = text.split("\n");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int eq = lines[i].indexOf('=');
                if (eq > 0) {
                    fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
                }
            }
            try {
                if (!lines[0].equals(HEADER_MAGIC) || !KDF.equals(fields.get("kdf"))) {
                    throw new IllegalArgumentException("unknown format");
                }
                int iterations = Integer.parseInt(fields.get("iterations"));
                byte[] salt = HexFormat.of().parseHex(fields.get("salt"));
                byte[] check = HexFormat.of().parseHex(fields.get("check"));
                if (iterations < 1
                        || iterations > MAX_ITERATIONS
                        || salt.length < 8
                        || check.length != KeystoreKek.ID_LENGTH) {
                    throw new IllegalArgumentException("values out of range");
                }
                return new Header(iterations, salt, check);
            } catch (RuntimeException e) {
                throw new KeystoreException(
                        "keystore header " + file + " is damaged (" + e.getMessage() + ")");
            }
        }
    }
}
