package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.spi.SymmetricPrimitives;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The harness itself: exit codes, captured output, a caller's host. */
class GuestRunnerTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runCommand_guestExitsThree_exitCodeAndBothStreamsCaptured(Engine engine) {
        CommandResult result;
        try (GuestRunner runner = GuestRunner.builder().engine(engine).build()) {
            result = runner.runCommand(Guests.wasm("exit_code"));
        }
        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
    }

    @Test
    void runCommand_callersHost_servesTheGuestAndStaysOpen() {
        ClosingRecorder backend =
                new ClosingRecorder(CryptoHost.createBackend("software", "soft", Map.of()));
        try (CryptoHost host = CryptoHost.builder().backend(backend).build()) {
            try (GuestRunner runner = GuestRunner.builder().host(host).build()) {
                assertEquals(0, runner.runCommand(Guests.wasm("demo")).exitCode());
            }
            assertFalse(backend.closed, "the runner closed a host it does not own");
            try (GuestRunner again = GuestRunner.builder().host(host).build()) {
                assertEquals(0, again.runCommand(Guests.wasm("demo")).exitCode());
            }
        }
    }

    /** Delegates to a backend and records close(). */
    private static final class ClosingRecorder implements Backend {
        private final Backend delegate;
        private boolean closed;

        ClosingRecorder(Backend delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Optional<SymmetricPrimitives> symmetric() {
            return delegate.symmetric();
        }

        @Override
        public void close() {
            closed = true;
            delegate.close();
        }
    }
}
