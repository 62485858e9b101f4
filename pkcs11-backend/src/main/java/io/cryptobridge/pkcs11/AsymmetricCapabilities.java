package io.cryptobridge.pkcs11;

import io.cryptobridge.asymmetric.AsymmetricAlgorithm;
import io.cryptobridge.asymmetric.Curve;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which signature and key-exchange algorithms the token serves. An algorithm counts when its
 * operation mechanism has the usage flag, its key-pair generation mechanism is listed, and the key
 * size (bits) lies in both ranges. Mechanism info cannot say which curves a token knows (SoftHSM
 * reports 112..521 bits for every Weierstrass curve), so for each curve one key pair is generated
 * as a session object at start-up and destroyed at once; a curve the token refuses is not served.
 */
final class AsymmetricCapabilities {
    private final Map<AsymmetricAlgorithm, AsymmetricMechanismMap.Mechanisms> served;

    private AsymmetricCapabilities(
            Map<AsymmetricAlgorithm, AsymmetricMechanismMap.Mechanisms> served) {
        this.served = served;
    }

    /**
     * @param mechanisms the token's mechanisms
     * @param curveWorks tries one key-pair generation on a curve; asked at most once per curve and
     *     key kind
     */
    static AsymmetricCapabilities from(
            Map<Long, CapabilityTable.MechanismInfo> mechanisms,
            Predicate<AsymmetricMechanismMap.Mechanisms> curveWorks) {
        Map<AsymmetricAlgorithm, AsymmetricMechanismMap.Mechanisms> served = new LinkedHashMap<>();
        Map<String, Boolean> curves = new HashMap<>();
        List<AsymmetricAlgorithm> all = new ArrayList<>(List.of(SignatureAlgorithm.values()));
        all.addAll(List.of(KxAlgorithm.values()));
        for (AsymmetricAlgorithm algorithm : all) {
            Optional<AsymmetricMechanismMap.Mechanisms> wanted =
                    AsymmetricMechanismMap.of(algorithm);
            if (wanted.isEmpty() || !listed(wanted.get(), mechanisms)) {
                continue;
            }
            Curve curve = wanted.get().curve();
            if (curve != null) {
                String key = wanted.get().kind() + "/" + curve;
                if (!curves.computeIfAbsent(key, k -> curveWorks.test(wanted.get()))) {
                    continue;
                }
            }
            served.put(algorithm, wanted.get());
        }
        return new AsymmetricCapabilities(served);
    }

    private static boolean listed(
            AsymmetricMechanismMap.Mechanisms wanted,
            Map<Long, CapabilityTable.MechanismInfo> mechanisms) {
        CapabilityTable.MechanismInfo operation = mechanisms.get(wanted.operation());
        CapabilityTable.MechanismInfo generation = mechanisms.get(wanted.keyGeneration());
        return operation != null
                && generation != null
                && (operation.flags() & wanted.operationFlag()) == wanted.operationFlag()
                && fits(operation, wanted.keyBits())
                && fits(generation, wanted.keyBits());
    }

    private static boolean fits(CapabilityTable.MechanismInfo info, int bits) {
        return info.minKeySize() <= bits && bits <= info.maxKeySize();
    }

    boolean supports(AsymmetricAlgorithm algorithm) {
        return served.containsKey(algorithm);
    }

    AsymmetricMechanismMap.Mechanisms mechanisms(AsymmetricAlgorithm algorithm) {
        AsymmetricMechanismMap.Mechanisms mechanisms = served.get(algorithm);
        if (mechanisms == null) {
            throw new IllegalStateException(algorithm + " is not served by this token");
        }
        return mechanisms;
    }

    Set<AsymmetricAlgorithm> algorithms() {
        return Set.copyOf(served.keySet());
    }

    /** One line per served algorithm, for the start-up log. */
    String describe() {
        StringBuilder text = new StringBuilder();
        served.forEach(
                (algorithm, mechanisms) ->
                        text.append(algorithm.specName())
                                .append(" -> ")
                                .append(MechanismMap.name(mechanisms.operation()))
                                .append(" (keys: ")
                                .append(MechanismMap.name(mechanisms.keyGeneration()))
                                .append(")\n"));
        return text.toString();
    }
}
