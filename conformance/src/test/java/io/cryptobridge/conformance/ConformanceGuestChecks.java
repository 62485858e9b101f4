package io.cryptobridge.conformance;

/**
 * How many checks the conformance guests make when every check passes, for the tests that pin them
 * (here and in softhsm-tests). A host with a secrets manager runs fewer managed-key checks in
 * symmetric_conformance and signatures_conformance: managed_keys.c covers those functions there.
 */
public final class ConformanceGuestChecks {
    /** guests/src/symmetric_conformance.c on a host without a secrets manager. */
    public static final int SYMMETRIC = 376;

    /** ... on a host with one: its eight unsupported_feature checks become three. */
    public static final int SYMMETRIC_WITH_SECRETS_MANAGER = 371;

    /** guests/src/signatures_conformance.c on a host without a secrets manager. */
    public static final int SIGNATURES = 2015;

    /** ... on a host with one: its seven unsupported_feature checks become open + close. */
    public static final int SIGNATURES_WITH_SECRETS_MANAGER = 2010;

    /** guests/src/kx_conformance.c (no managed-key checks beyond keypair_id, valid on both). */
    public static final int KX = 517;

    private ConformanceGuestChecks() {}
}
