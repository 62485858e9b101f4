package io.cryptobridge.pkcs11;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which token to use, from an RFC 7512 URI such as {@code pkcs11:token=prod%20keys;serial=42}. Only
 * the attributes that select a token are accepted; values are percent-decoded as UTF-8. A PIN in
 * the URI ({@code ?pin-value=}) is refused: the PIN comes from {@code pin: {env|file}}.
 */
final class TokenUri {
    private static final String SCHEME = "pkcs11:";
    private static final Set<String> TOKEN_ATTRIBUTES =
            Set.of("token", "manufacturer", "serial", "model", "slot-id");

    private final String text;
    private final Map<String, String> attributes;

    private TokenUri(String text, Map<String, String> attributes) {
        this.text = text;
        this.attributes = attributes;
    }

    /**
     * Parses a {@code pkcs11:} URI.
     *
     * @throws IllegalArgumentException naming the mistake
     */
    static TokenUri parse(String text) {
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new IllegalArgumentException("'" + text + "' is not a pkcs11: URI (RFC 7512)");
        }
        String rest = text.substring(SCHEME.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            throw new IllegalArgumentException(
                    "the token URI must not have a query part (?...); give the PIN with 'pin' and"
                            + " the library with 'library'");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String part : rest.split(";", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "'" + part + "' in the token URI is not name=value");
            }
            String name = part.substring(0, equals);
            if (!TOKEN_ATTRIBUTES.contains(name)) {
                throw new IllegalArgumentException(
                        "'"
                                + name
                                + "' in the token URI does not select a token; use "
                                + String.join(", ", TOKEN_ATTRIBUTES.stream().sorted().toList()));
            }
            if (attributes.put(name, decode(part.substring(equals + 1))) != null) {
                throw new IllegalArgumentException("'" + name + "' appears twice in the token URI");
            }
        }
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("the token URI '" + text + "' selects no token");
        }
        return new TokenUri(text, Map.copyOf(attributes));
    }

    /** A URI that selects the token with this label. */
    static TokenUri ofLabel(String label) {
        return new TokenUri(SCHEME + "token=" + label, Map.of("token", label));
    }

    /** A URI that selects the slot with this id. */
    static TokenUri ofSlot(long slotId) {
        return new TokenUri(
                SCHEME + "slot-id=" + slotId, Map.of("slot-id", Long.toUnsignedString(slotId)));
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Whether a token (in the given slot) matches every attribute of this URI. */
    boolean matches(long slotId, String label, String manufacturer, String serial, String model) {
        return matchesAttribute("slot-id", Long.toUnsignedString(slotId))
                && matchesAttribute("token", label)
                && matchesAttribute("manufacturer", manufacturer)
                && matchesAttribute("serial", serial)
                && matchesAttribute("model", model);
    }

    private boolean matchesAttribute(String name, String actual) {
        String wanted = attributes.get(name);
        return wanted == null || wanted.equals(actual);
    }

    private static String decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= value.length()) {
                throw new IllegalArgumentException("incomplete %-escape in the token URI");
            }
            int high = Character.digit(value.charAt(i + 1), 16);
            int low = Character.digit(value.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("invalid %-escape in the token URI");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the token URI is not UTF-8 after %-decoding");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
