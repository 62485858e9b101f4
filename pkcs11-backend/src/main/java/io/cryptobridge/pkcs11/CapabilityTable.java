package io.cryptobridge.pkcs11;

import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sun.security.pkcs11.wrapper.CK_MECHANISM_INFO;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * What the token can do for this backend, probed once at start-up with {@code
 * C_GetMechanismList}/{@code C_GetMechanismInfo}: an algorithm is served when its mechanisms (see
 * {@link MechanismMap}) are present with the right usage flag and its key length lies in their
 * key-size ranges (bytes for AES and HMAC keys, as PKCS#11 defines them).
 */
final class CapabilityTable {

    /** One probed mechanism: its key-size range and usage flags. */
    record MechanismInfo(long minKeySize, long maxKeySize, long flags) {}

    /**
     * One served algorithm.
     *
     * @param mechanisms the mechanisms that serve it
     * @param minKeyLength the shortest key the operation mechanism accepts (0 for hashes)
     */
    record Capability(MechanismMap.Mechanisms mechanisms, int minKeyLength) {}

    private final Map<SymmetricAlgorithm, Capability> served;
    private final Map<Long, MechanismInfo> probed;

    private CapabilityTable(
            Map<SymmetricAlgorithm, Capability> served, Map<Long, MechanismInfo> probed) {
        this.served = served;
        this.probed = Map.copyOf(probed);
    }

    /** Every mechanism the token listed, with its info (the asymmetric table is built from it). */
    Map<Long, MechanismInfo> probedMechanisms() {
        return probed;
    }

    static CapabilityTable probe(PKCS11 p11, long slotId) throws PKCS11Exception {
        Map<Long, MechanismInfo> mechanisms = new HashMap<>();
        for (long mechanism : p11.C_GetMechanismList(slotId)) {
            CK_MECHANISM_INFO info = p11.C_GetMechanismInfo(slotId, mechanism);
            mechanisms.put(
                    mechanism, new MechanismInfo(info.ulMinKeySize, info.ulMaxKeySize, info.flags));
        }
        return from(mechanisms);
    }

    /** The table for a token offering these mechanisms. */
    static CapabilityTable from(Map<Long, MechanismInfo> mechanisms) {
        Map<SymmetricAlgorithm, Capability> served = new EnumMap<>(SymmetricAlgorithm.class);
        for (SymmetricAlgorithm algorithm : SymmetricAlgorithm.values()) {
            MechanismMap.of(algorithm)
                    .flatMap(wanted -> capability(wanted, mechanisms))
                    .ifPresent(capability -> served.put(algorithm, capability));
        }
        return new CapabilityTable(served, mechanisms);
    }

    private static Optional<Capability> capability(
            MechanismMap.Mechanisms wanted, Map<Long, MechanismInfo> mechanisms) {
        MechanismInfo operation = mechanisms.get(wanted.operation());
        if (operation == null
                || (operation.flags() & wanted.operationFlag()) != wanted.operationFlag()) {
            return Optional.empty();
        }
        if (wanted.keyGeneration() >= 0) {
            MechanismInfo generation = mechanisms.get(wanted.keyGeneration());
            if (generation == null
                    || !fits(operation, wanted.keyLength())
                    || !fits(generation, wanted.keyLength())) {
                return Optional.empty();
            }
        }
        int minKeyLength =
                wanted.keyGeneration() >= 0 ? (int) Math.min(operation.minKeySize(), 1 << 16) : 0;
        return Optional.of(new Capability(wanted, minKeyLength));
    }

    private static boolean fits(MechanismInfo info, int keyLength) {
        return keyLength == 0 || (info.minKeySize() <= keyLength && keyLength <= info.maxKeySize());
    }

    boolean supports(SymmetricAlgorithm algorithm) {
        return served.containsKey(algorithm);
    }

    /** The capability of a served algorithm. */
    Capability capability(SymmetricAlgorithm algorithm) {
        Capability capability = served.get(algorithm);
        if (capability == null) {
            throw new IllegalStateException(algorithm + " is not served by this token");
        }
        return capability;
    }

    /** The served algorithms. */
    Set<SymmetricAlgorithm> algorithms() {
        return Set.copyOf(served.keySet());
    }

    /** One line per served algorithm, for the start-up log and docs. */
    String describe() {
        StringBuilder text = new StringBuilder();
        served.forEach(
                (algorithm, capability) -> {
                    text.append(algorithm)
                            .append(" -> ")
                            .append(MechanismMap.name(capability.mechanisms().operation()));
                    if (capability.minKeyLength() > 0) {
                        text.append(" (keys >= ")
                                .append(capability.minKeyLength())
                                .append(" bytes)");
                    }
                    text.append('\n');
                });
        return text.toString();
    }
}
