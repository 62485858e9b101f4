package io.cryptobridge.cli;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares a module's import section with the functions the host provides, before instantiation, so
 * that a missing or mistyped import is reported by name ({@code module.name}) instead of as a
 * linker failure deep inside the runtime.
 */
final class ImportCheck {
    private ImportCheck() {}

    /**
     * @throws HostException naming the first import the host cannot satisfy
     */
    static void requireSatisfied(WasmModule module, List<? extends ImportFunction> provided) {
        Map<String, ImportFunction> byName = new HashMap<>();
        for (ImportFunction function : provided) {
            byName.put(qualified(function.module(), function.name()), function);
        }
        int count = module.importSection().importCount();
        for (int i = 0; i < count; i++) {
            Import wanted = module.importSection().getImport(i);
            String name = qualified(wanted.module(), wanted.name());
            if (wanted.importType() != ExternalType.FUNCTION) {
                throw new HostException(
                        "the module imports "
                                + wanted.importType().name().toLowerCase(Locale.ROOT)
                                + " "
                                + name
                                + ", which the host does not provide");
            }
            ImportFunction function = byName.get(name);
            if (function == null) {
                throw new HostException(
                        "the module imports function "
                                + name
                                + ", which the host does not provide");
            }
            FunctionType expected =
                    module.typeSection().getType(((FunctionImport) wanted).typeIndex());
            if (!expected.typesMatch(function.functionType())) {
                throw new HostException(
                        "the module imports function "
                                + name
                                + " as "
                                + describe(expected)
                                + ", but the host provides "
                                + describe(function.functionType()));
            }
        }
    }

    private static String qualified(String module, String name) {
        return module + "." + name;
    }

    private static String describe(FunctionType type) {
        return "("
                + type.params().stream().map(ImportCheck::name).collect(Collectors.joining(", "))
                + ") -> ("
                + type.returns().stream().map(ImportCheck::name).collect(Collectors.joining(", "))
                + ")";
    }

    private static String name(ValType type) {
        return type.toString().toLowerCase(Locale.ROOT);
    }
}
