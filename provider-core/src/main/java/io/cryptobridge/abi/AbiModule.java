package io.cryptobridge.abi;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the host functions of one {@code wasi_ephemeral_crypto_*} module. This is the one place
 * where a {@link CryptoException} becomes the errno a guest sees, and where unexpected host
 * exceptions are logged and reported as {@code internal_error}.
 */
public final class AbiModule {
    private static final System.Logger LOG = System.getLogger(AbiModule.class.getName());
    private static final long[] SUCCESS = {CryptoErrno.SUCCESS.code()};

    private final String moduleName;
    private final List<HostFunction> functions = new ArrayList<>();

    public AbiModule(String moduleName) {
        this.moduleName = moduleName;
    }

    /** The body of one ABI function; it throws CryptoException to report an errno. */
    @FunctionalInterface
    public interface Body {
        void call(GuestMemory memory, long[] args);
    }

    /**
     * Registers a function. {@code signature} spells its core parameters: {@code i} for i32, {@code
     * I} for i64; every function returns an i32 errno.
     */
    public AbiModule function(String name, String signature, Body body) {
        FunctionType type = FunctionType.of(params(signature), List.of(ValType.I32));
        String qualified = moduleName + "." + name;
        functions.add(
                new HostFunction(
                        moduleName,
                        name,
                        type,
                        (instance, args) -> invoke(qualified, body, instance.memory(), args)));
        return this;
    }

    /** Registers a function that this host does not offer: it answers {@code errno}. */
    public AbiModule unavailable(String name, String signature, CryptoErrno errno, String why) {
        return function(name, signature, refuse(errno, why));
    }

    /** A body that always fails with {@code errno}. */
    static Body refuse(CryptoErrno errno, String why) {
        return (memory, args) -> {
            throw new CryptoException(errno, why);
        };
    }

    public List<HostFunction> functions() {
        return List.copyOf(functions);
    }

    static long[] invoke(
            String qualified, Body body, com.dylibso.chicory.runtime.Memory memory, long[] args) {
        try {
            body.call(new GuestMemory(memory), args);
            return SUCCESS;
        } catch (CryptoException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> qualified + " -> " + e);
            return new long[] {e.errno().code()};
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "host error in " + qualified, e);
            return new long[] {CryptoErrno.INTERNAL_ERROR.code()};
        }
    }

    private static List<ValType> params(String signature) {
        List<ValType> params = new ArrayList<>(signature.length());
        for (char c : signature.toCharArray()) {
            switch (c) {
                case 'i':
                    params.add(ValType.I32);
                    break;
                case 'I':
                    params.add(ValType.I64);
                    break;
                default:
                    throw new IllegalArgumentException("bad signature " + signature);
            }
        }
        return params;
    }
}
