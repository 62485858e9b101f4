package io.cryptobridge.spi;

/**
 * What a managed entry holds. Part of every lookup: a key pair's id never finds a symmetric key.
 */
public enum ManagedKind {
    /** A symmetric key ({@code symmetric_key_*_managed}). */
    SYMMETRIC_KEY("symmetric-key"),
    /** A key pair of a signature algorithm ({@code keypair_*_managed}). */
    SIGNATURE_KEY_PAIR("signature-keypair"),
    /** A key pair of a key-exchange algorithm ({@code keypair_*_managed}). */
    KX_KEY_PAIR("kx-keypair"),
    /** An external secret ({@code external_secret_*}), stored sealed. */
    EXTERNAL_SECRET("external-secret");

    private final String label;

    ManagedKind(String label) {
        this.label = label;
    }

    /** The spelling used on disk, on the token and in the CLI, e.g. {@code symmetric-key}. */
    public String label() {
        return label;
    }

    /** The kind spelled {@code label}; IllegalArgumentException for any other text. */
    public static ManagedKind fromLabel(String label) {
        for (ManagedKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no managed kind " + label);
    }

    /** Whether this kind is a key pair of either family. */
    public boolean isKeyPair() {
        return this == SIGNATURE_KEY_PAIR || this == KX_KEY_PAIR;
    }
}
