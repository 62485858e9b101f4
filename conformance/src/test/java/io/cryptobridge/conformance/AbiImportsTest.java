package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import io.cryptobridge.CryptoHost;
import io.cryptobridge.GuestSession;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * guests/include/wasi_crypto.h against the host: abi_all_imports.wasm imports every function the
 * header declares, so its import section is the header's ABI as clang lowered it.
 */
class AbiImportsTest {
    /** 10 common + 20 asymmetric_common + 11 signatures + 28 symmetric + 3 kx + 6 external. */
    private static final int WASI_CRYPTO_FUNCTIONS = 78;

    @Test
    void header_everyDeclaration_matchesTheHostSignatureExactly() {
        WasmModule module = GuestRunner.load(Guests.wasm("abi_all_imports"));
        Map<String, String> guest = new TreeMap<>();
        module.importSection().stream()
                .filter(FunctionImport.class::isInstance)
                .map(FunctionImport.class::cast)
                .filter(i -> i.module().startsWith("wasi_ephemeral_crypto_"))
                .forEach(i -> guest.put(qualified(i), describe(typeOf(module, i))));

        Map<String, String> host;
        try (CryptoHost cryptoHost = CryptoHost.withDefaults();
                GuestSession session = cryptoHost.newSession()) {
            host =
                    session.hostFunctions().stream()
                            .collect(
                                    Collectors.toMap(
                                            f -> f.module() + "." + f.name(),
                                            AbiImportsTest::describe,
                                            (a, b) -> a,
                                            TreeMap::new));
        }

        assertEquals(WASI_CRYPTO_FUNCTIONS, guest.size(), "functions declared in the header");
        assertEquals(host, guest, "header declarations vs host registrations");
    }

    @Test
    void abiAllImports_instantiatedAgainstTheHost_links() {
        try (GuestRunner runner = GuestRunner.withDefaults();
                ReactorGuest guest = runner.startReactor(Guests.wasm("abi_all_imports"))) {
            assertEquals(0, guest.liveHandles());
        }
    }

    private static String qualified(Import i) {
        return i.module() + "." + i.name();
    }

    private static FunctionType typeOf(WasmModule module, FunctionImport i) {
        return module.typeSection().getType(i.typeIndex());
    }

    private static String describe(HostFunction f) {
        return f.paramTypes() + " -> " + f.returnTypes();
    }

    private static String describe(FunctionType t) {
        return t.params() + " -> " + t.returns();
    }
}
