package io.cryptobridge.pkcs11;

import io.cryptobridge.config.SecretRef;
import java.nio.file.Path;
import java.util.Map;

/**
 * The backend's settings from the configuration ({@code backends.NAME} with {@code type: pkcs11}):
 * see docs/hsm.md. The configuration loader has already checked the value types; an embedder
 * calling the factory directly may also pass strings and {@code {env|file}} maps.
 *
 * @param library the PKCS#11 module ({@code .so}/{@code .dll})
 * @param token which token to use
 * @param pin where the user PIN comes from, or null for tokens without login
 * @param sessions the most sessions the backend opens for operations
 * @param extractable whether generated and imported keys may be exported
 * @param maxBufferedBytes the most data one MAC or hash state buffers (see {@link BoundedBuffer})
 * @param managedKeysExtractable whether managed keys on the token may be exported
 */
record Pkcs11Settings(
        Path library,
        TokenUri token,
        SecretRef pin,
        int sessions,
        boolean extractable,
        long maxBufferedBytes,
        boolean managedKeysExtractable) {

    static final int DEFAULT_SESSIONS = 8;
    static final long DEFAULT_MAX_BUFFERED_BYTES = 16L * 1024 * 1024;

    static Pkcs11Settings from(String backendName, Map<String, Object> settings) {
        Object library = settings.get("library");
        if (library == null) {
            throw problem(
                    backendName, "the setting 'library' (path of the PKCS#11 module) is missing");
        }
        return new Pkcs11Settings(
                library instanceof Path ? (Path) library : Path.of(library.toString()),
                token(backendName, settings),
                pin(backendName, settings.get("pin")),
                (int) number(backendName, settings, "sessions", DEFAULT_SESSIONS, 1, 1024),
                bool(backendName, settings, "extractable"),
                number(
                        backendName,
                        settings,
                        "max-buffered-bytes",
                        DEFAULT_MAX_BUFFERED_BYTES,
                        1,
                        Integer.MAX_VALUE - 8),
                bool(backendName, settings, "managed-keys-extractable"));
    }

    private static TokenUri token(String backendName, Map<String, Object> settings) {
        Object token = settings.get("token");
        Object slot = settings.get("slot");
        if (token != null && slot != null) {
            throw problem(backendName, "give either 'token' or 'slot', not both");
        }
        if (slot != null) {
            return TokenUri.ofSlot(number(backendName, settings, "slot", 0, 0, Long.MAX_VALUE));
        }
        if (token == null) {
            throw problem(backendName, "the setting 'token' (e.g. pkcs11:token=LABEL) is missing");
        }
        String text = token.toString();
        try {
            return text.regionMatches(true, 0, "pkcs11:", 0, 7)
                    ? TokenUri.parse(text)
                    : TokenUri.ofLabel(text);
        } catch (IllegalArgumentException e) {
            throw problem(backendName, e.getMessage());
        }
    }

    private static SecretRef pin(String backendName, Object pin) {
        if (pin == null || pin instanceof SecretRef) {
            return (SecretRef) pin;
        }
        if (pin instanceof Map<?, ?> source && source.size() == 1) {
            if (source.get("env") != null) {
                return SecretRef.env(source.get("env").toString());
            }
            if (source.get("file") != null) {
                return SecretRef.file(Path.of(source.get("file").toString()));
            }
        }
        throw problem(
                backendName, "'pin' must be {env: VARIABLE} or {file: PATH}, never the PIN itself");
    }

    private static long number(
            String backendName,
            Map<String, Object> settings,
            String key,
            long fallback,
            long min,
            long max) {
        Object value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            number = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw problem(backendName, "'" + key + "' must be a whole number");
        }
        if (number < min || number > max) {
            throw problem(backendName, "'" + key + "' must be between " + min + " and " + max);
        }
        return number;
    }

    private static boolean bool(String backendName, Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean(value.toString());
        }
        throw problem(backendName, "'" + key + "' must be true or false");
    }

    static Pkcs11SetupException problem(String backendName, String message) {
        return new Pkcs11SetupException("PKCS#11 backend '" + backendName + "': " + message);
    }
}
