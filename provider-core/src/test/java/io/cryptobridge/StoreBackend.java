package io.cryptobridge;

import io.cryptobridge.routing.FakeBackend;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.SecretStore;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.util.Optional;

/** A {@link FakeBackend} with a {@link MemorySecretStore}. */
final class StoreBackend implements Backend {
    private final FakeBackend fake;
    final MemorySecretStore store;

    StoreBackend(String name, String... algorithms) {
        this.fake = new FakeBackend(name, algorithms);
        this.store = new MemorySecretStore(fake);
    }

    @Override
    public String name() {
        return fake.name();
    }

    @Override
    public Optional<SymmetricPrimitives> symmetric() {
        return fake.symmetric();
    }

    @Override
    public Optional<SignaturePrimitives> signatures() {
        return fake.signatures();
    }

    @Override
    public Optional<KeyExchangePrimitives> keyExchange() {
        return fake.keyExchange();
    }

    @Override
    public Optional<SecretStore> secretStore() {
        return Optional.of(store);
    }
}
