package io.cryptobridge.pkcs11;

import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;

/**
 * The SunPKCS11 provider for this token, configured in code and used as an explicit provider object
 * ({@code Signature.getInstance(alg, provider)}); it is never added to the JVM-wide provider list,
 * so nothing else in the JVM starts using the HSM by accident. It shares the backend's wrapper
 * instance (same canonical library path) and login state.
 *
 * <p>Key attributes: keys the provider generates or imports are sensitive and non-extractable
 * unless the backend is configured with {@code extractable: true}.
 */
final class JcaProviderConfig {
    private JcaProviderConfig() {}

    /** The configuration text for SunPKCS11 ({@code --} marks inline text, not a file name). */
    static String text(String backendName, String libraryPath, long slotId, boolean extractable) {
        String sensitive = Boolean.toString(!extractable);
        String exportable = Boolean.toString(extractable);
        StringBuilder config = new StringBuilder("--");
        config.append("name = cryptobridge-").append(sanitize(backendName)).append('\n');
        config.append("library = \"").append(libraryPath).append("\"\n");
        config.append("slot = ").append(Long.toUnsignedString(slotId)).append('\n');
        // PKCS#11 2.40 semantics on JDK 25 as well (no C_SessionCancel, see Cryptoki).
        config.append("functionList = C_GetFunctionList\n");
        for (String operation : new String[] {"generate", "import"}) {
            for (String keyClass : new String[] {"CKO_SECRET_KEY", "CKO_PRIVATE_KEY"}) {
                config.append("attributes(")
                        .append(operation)
                        .append(", ")
                        .append(keyClass)
                        .append(", *) = {\n")
                        .append("  CKA_SENSITIVE = ")
                        .append(sensitive)
                        .append('\n')
                        .append("  CKA_EXTRACTABLE = ")
                        .append(exportable)
                        .append("\n}\n");
            }
        }
        return config.toString();
    }

    /** Configures a new SunPKCS11 instance; the JVM-wide provider list is left alone. */
    static Provider configure(String backendName, String text) {
        Provider template = Security.getProvider("SunPKCS11");
        if (template == null) {
            throw Pkcs11Settings.problem(
                    backendName, "this JVM has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        try {
            return template.configure(text);
        } catch (ProviderException | IllegalArgumentException e) {
            throw Pkcs11Settings.problem(
                    backendName, "SunPKCS11 could not be configured: " + e.getMessage());
        }
    }

    private static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
