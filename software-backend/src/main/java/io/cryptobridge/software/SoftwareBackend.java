package io.cryptobridge.software;

import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.security.SecureRandom;
import java.util.Optional;

/** The software backend: JDK and BouncyCastle primitives, chosen per algorithm for speed. */
public final class SoftwareBackend implements Backend {
    private final String name;
    private final SoftwareSymmetric symmetric;
    private final SoftwareSignatures signatures;
    private final SoftwareKeyExchange keyExchange;

    public SoftwareBackend(String name, SecureRandom random) {
        this.name = name;
        this.symmetric = new SoftwareSymmetric(random);
        this.signatures = new SoftwareSignatures(random);
        this.keyExchange = new SoftwareKeyExchange(random);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<SymmetricPrimitives> symmetric() {
        return Optional.of(symmetric);
    }

    @Override
    public Optional<SignaturePrimitives> signatures() {
        return Optional.of(signatures);
    }

    @Override
    public Optional<KeyExchangePrimitives> keyExchange() {
        return Optional.of(keyExchange);
    }

    @Override
    public String toString() {
        return "SoftwareBackend[" + name + "]";
    }
}
