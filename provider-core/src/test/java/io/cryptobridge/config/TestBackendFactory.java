package io.cryptobridge.config;

import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.BackendFactory;
import io.cryptobridge.spi.BackendSetting;
import io.cryptobridge.spi.BackendSetting.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend type {@code test} with one setting of every kind, registered for provider-core's tests
 * through META-INF/services. A {@code label} of {@code fail} makes creation fail; {@code
 * broken-probe} makes asking for its capabilities fail.
 */
public final class TestBackendFactory implements BackendFactory {
    static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public String type() {
        return "test";
    }

    @Override
    public List<BackendSetting> settings() {
        return List.of(
                BackendSetting.optional("label", Type.STRING),
                BackendSetting.optional("slots", Type.INTEGER),
                BackendSetting.optional("strict", Type.BOOLEAN),
                BackendSetting.optional("library", Type.PATH),
                BackendSetting.optional("pin", Type.SECRET));
    }

    @Override
    public Backend create(String name, Map<String, Object> settings) {
        if ("fail".equals(settings.get("label"))) {
            throw new IllegalArgumentException("the token is not present");
        }
        return new TestBackend(name, settings);
    }

    /** A backend that serves nothing and remembers its settings. */
    public record TestBackend(String name, Map<String, Object> settings) implements Backend {
        @Override
        public java.util.Optional<io.cryptobridge.spi.SymmetricPrimitives> symmetric() {
            if ("broken-probe".equals(settings.get("label"))) {
                throw new IllegalStateException("the token went away");
            }
            return java.util.Optional.empty();
        }

        @Override
        public void close() {
            CLOSED.incrementAndGet();
        }
    }
}
