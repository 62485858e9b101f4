package io.cryptobridge.abi;

import com.dylibso.chicory.runtime.HostFunction;
import io.cryptobridge.asymmetric.AsymmetricService;
import io.cryptobridge.handles.Handles;
import io.cryptobridge.kx.KeyExchangeService;
import io.cryptobridge.secrets.SecretsService;
import io.cryptobridge.signatures.SignatureService;
import io.cryptobridge.symmetric.SymmetricService;
import java.util.ArrayList;
import java.util.List;

/** Assembles the host functions of all six wasi-crypto modules for one guest session. */
public final class WasiCryptoImports {
    private WasiCryptoImports() {}

    public static List<HostFunction> create(
            Handles handles,
            SymmetricService symmetric,
            AsymmetricService asymmetric,
            SignatureService signatures,
            KeyExchangeService keyExchange,
            SecretsService secrets) {
        List<HostFunction> all = new ArrayList<>();
        all.addAll(CommonFunctions.create(handles, secrets).functions());
        all.addAll(SymmetricFunctions.create(handles, symmetric, secrets).functions());
        all.addAll(AsymmetricCommonFunctions.create(handles, asymmetric, secrets).functions());
        all.addAll(SignatureFunctions.create(handles, signatures).functions());
        all.addAll(KeyExchangeFunctions.create(handles, keyExchange).functions());
        all.addAll(ExternalSecretsFunctions.create(handles, secrets).functions());
        return List.copyOf(all);
    }
}
