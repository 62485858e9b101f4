package io.cryptobridge.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.ValType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbiModuleTest {

    @Test
    void function_signatureString_becomesCoreTypes() {
        HostFunction f =
                new AbiModule("m").function("f", "iIi", (mem, args) -> {}).functions().get(0);
        assertEquals(List.of(ValType.I32, ValType.I64, ValType.I32), f.paramTypes());
        assertEquals(List.of(ValType.I32), f.returnTypes());
        assertEquals("m", f.module());
        assertEquals("f", f.name());
    }

    @Test
    void refuse_returnsItsErrno() {
        assertEquals(3L, call(AbiModule.refuse(CryptoErrno.UNSUPPORTED_FEATURE, "later")));
    }

    @Test
    void invoke_cryptoException_becomesItsErrno() {
        assertEquals(
                21L,
                call(
                        (mem, args) -> {
                            throw new CryptoException(CryptoErrno.INVALID_TAG, "x");
                        }));
    }

    @Test
    void invoke_success_returnsZero() {
        assertEquals(0L, call((mem, args) -> {}));
    }

    @Test
    void invoke_hostBug_becomesInternalErrorAndHostKeepsServing() {
        AbiModule.Body bug =
                (mem, args) -> {
                    throw new IllegalStateException("bug");
                };
        assertEquals(17L, call(bug));
        assertEquals(0L, call((mem, args) -> {}));
    }

    @Test
    void invoke_moduleWithoutMemory_failsGuestError() {
        assertEquals(1L, call((mem, args) -> mem.read(0, 1)));
    }

    private static long call(AbiModule.Body body) {
        return AbiModule.invoke("m.f", body, null, new long[0])[0];
    }
}
