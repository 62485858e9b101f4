package io.cryptobridge.abi;

import com.dylibso.chicory.runtime.HostFunction;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.symmetric.SymmetricService;
import java.util.ArrayList;
import java.util.List;

/** Assembles the host functions of all six wasi-crypto modules for one guest session. */
public final class WasiCryptoImports {
    private WasiCryptoImports() {}

    public static List<HostFunction> create(Handles handles, SymmetricService symmetric) {
        List<HostFunction> all = new ArrayList<>();
        all.addAll(CommonFunctions.create(handles).functions());
        all.addAll(SymmetricFunctions.create(handles, symmetric).functions());
        all.addAll(PendingModules.asymmetricCommon().functions());
        all.addAll(PendingModules.signatures().functions());
        all.addAll(PendingModules.keyExchange().functions());
        all.addAll(PendingModules.externalSecrets().functions());
        return List.copyOf(all);
    }
}
