package io.cryptobridge;

import io.cryptobridge.spi.AsymmetricKeyPrimitives;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendKey;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.ManagedContent;
import io.cryptobridge.spi.ManagedEntry;
import io.cryptobridge.spi.ManagedKind;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * An in-memory {@link SecretStore} for provider-core's tests: symmetric keys are kept as raw bytes
 * and loaded through the owning backend's import (wrapped non-extractable), key pairs as the
 * objects themselves. Counts creates that lost a race ({@link #takenVersion}) to let tests provoke
 * the retry loop.
 */
final class MemorySecretStore implements SecretStore {
    private final SymmetricPrimitives symmetric;
    private final AsymmetricKeyPrimitives signatures;
    private final AsymmetricKeyPrimitives keyExchange;
    private final Map<String, ManagedEntry> live = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Map<String, Object> material = new HashMap<>();
    private final SecretKey kek;
    private final SecureRandom random = new SecureRandom();
    private int racesToLose;

    MemorySecretStore(Backend backend) {
        this.symmetric = backend.symmetric().orElseThrow();
        this.signatures = backend.signatures().orElseThrow();
        this.keyExchange = backend.keyExchange().orElseThrow();
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            this.kek = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} creates act as if another writer took their version first. */
    void takenVersion(int count) {
        racesToLose = count;
    }

    private static String key(String namespace, String id, long version) {
        return namespace + "/" + id + "/" + version;
    }

    @Override
    public synchronized long highestVersion(String namespace, String id) {
        long highest = 0;
        for (String k : used) {
            String prefix = namespace + "/" + id + "/";
            if (k.startsWith(prefix)) {
                highest = Math.max(highest, Long.parseLong(k.substring(prefix.length())));
            }
        }
        return highest;
    }

    @Override
    public synchronized boolean create(ManagedEntry entry, ManagedContent content) {
        String k = key(entry.namespace(), entry.id(), entry.version());
        if (racesToLose > 0) {
            racesToLose--;
            used.add(k); // the other writer's version
            return false;
        }
        if (!used.add(k)) {
            return false;
        }
        material.put(k, materialOf(content));
        live.put(k, entry);
        return true;
    }

    private Object materialOf(ManagedContent content) {
        if (content instanceof ManagedContent.NewSymmetricKey n) {
            byte[] raw = new byte[n.algorithm().keyLength()];
            random.nextBytes(raw);
            return raw;
        }
        if (content instanceof ManagedContent.CopyOfSymmetricKey c) {
            return c.key().exportRaw();
        }
        if (content instanceof ManagedContent.NewKeyPair n) {
            return (n.algorithm().type() == AlgorithmType.KEY_EXCHANGE ? keyExchange : signatures)
                    .generateKeyPair(n.algorithm());
        }
        if (content instanceof ManagedContent.CopyOfKeyPair c) {
            return c.keyPair();
        }
        if (content instanceof ManagedContent.SealedSecret s) {
            return s.sealed().clone();
        }
        throw new CryptoException(CryptoErrno.UNSUPPORTED_ALGORITHM, "not in the memory store");
    }

    @Override
    public synchronized Optional<ManagedEntry> find(
            String namespace, String id, long version, ManagedKind kind) {
        return Optional.ofNullable(live.get(key(namespace, id, version)))
                .filter(e -> e.kind() == kind);
    }

    @Override
    public synchronized List<ManagedEntry> list(Optional<String> namespace) {
        return live.values().stream()
                .filter(e -> namespace.isEmpty() || namespace.get().equals(e.namespace()))
                .sorted(
                        Comparator.comparing(ManagedEntry::namespace)
                                .thenComparing(ManagedEntry::id)
                                .thenComparingLong(ManagedEntry::version))
                .toList();
    }

    @Override
    public synchronized boolean invalidate(ManagedEntry entry) {
        String k = key(entry.namespace(), entry.id(), entry.version());
        material.remove(k);
        return live.remove(k) != null;
    }

    @Override
    public synchronized BackendKey loadSymmetricKey(ManagedEntry entry) {
        byte[] raw = (byte[]) material.get(key(entry.namespace(), entry.id(), entry.version()));
        BackendKey loaded =
                symmetric.importKey(
                        io.cryptobridge.symmetric.SymmetricAlgorithm.parse(entry.algorithm()), raw);
        return new BackendKey() {
            @Override
            public boolean extractable() {
                return false;
            }

            @Override
            public byte[] exportRaw() {
                throw new CryptoException(CryptoErrno.PROHIBITED_OPERATION, "managed");
            }

            @Override
            public void destroy() {
                loaded.destroy();
            }
        };
    }

    @Override
    public synchronized BackendKeyPair loadKeyPair(ManagedEntry entry) {
        return (BackendKeyPair) material.get(key(entry.namespace(), entry.id(), entry.version()));
    }

    @Override
    public synchronized byte[] loadSecret(ManagedEntry entry) {
        return ((byte[]) material.get(key(entry.namespace(), entry.id(), entry.version()))).clone();
    }

    /** Corrupts the stored bytes of a secret (a tampered store). */
    synchronized void tamper(ManagedEntry entry) {
        byte[] sealed = (byte[]) material.get(key(entry.namespace(), entry.id(), entry.version()));
        sealed[sealed.length - 1] ^= 1;
    }

    @Override
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] unseal(byte[] sealed, byte[] associatedData) {
        try {
            if (sealed.length < 28) {
                throw new GeneralSecurityException("short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoErrno.VERIFICATION_FAILED, "cannot unseal");
        }
    }
}
