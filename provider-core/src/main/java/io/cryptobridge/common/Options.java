package io.cryptobridge.common;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An options set, bound to one algorithm type. Only the option names the spec reserves are accepted
 * (case-insensitively); anything else is {@code unsupported_option}. Values are copied when an
 * operation consumes the options, so later changes never affect an open state.
 */
public final class Options {
    private static final Set<String> SYMMETRIC_BYTES = Set.of("context", "salt", "nonce");
    private static final Set<String> SYMMETRIC_U64 =
            Set.of("memory_limit", "ops_limit", "parallelism");
    private static final String GUEST_BUFFER = "buffer";

    private final AlgorithmType type;
    private final Map<String, byte[]> bytes = new HashMap<>();
    private final Map<String, Long> numbers = new HashMap<>();
    private GuestRegion guestBuffer;

    public Options(AlgorithmType type) {
        this.type = type;
    }

    private Options(Options other) {
        this.type = other.type;
        other.bytes.forEach((k, v) -> bytes.put(k, v.clone()));
        numbers.putAll(other.numbers);
        guestBuffer = other.guestBuffer;
    }

    public AlgorithmType type() {
        return type;
    }

    /** An independent copy, taken when a state opens. */
    public Options snapshot() {
        return new Options(this);
    }

    public void set(String name, byte[] value) {
        String key = normalize(name);
        requireKnown(key, bytesNames());
        bytes.put(key, value.clone());
    }

    public void setU64(String name, long value) {
        String key = normalize(name);
        requireKnown(key, numberNames());
        numbers.put(key, value);
    }

    public void setGuestBuffer(String name, GuestRegion region) {
        String key = normalize(name);
        if (type != AlgorithmType.SYMMETRIC || !GUEST_BUFFER.equals(key)) {
            throw unsupported(name);
        }
        guestBuffer = region;
    }

    /** A byte-string option: unsupported_option for an unknown name, option_not_set if unset. */
    public byte[] get(String name) {
        String key = normalize(name);
        requireKnown(key, bytesNames());
        byte[] value = bytes.get(key);
        if (value == null) {
            throw new CryptoException(CryptoErrno.OPTION_NOT_SET, "option not set: " + key);
        }
        return value.clone();
    }

    /** The value if set, else null; for names the caller knows are valid. */
    public byte[] getOrNull(String name) {
        byte[] value = bytes.get(normalize(name));
        return value == null ? null : value.clone();
    }

    public long getU64(String name) {
        String key = normalize(name);
        requireKnown(key, numberNames());
        Long value = numbers.get(key);
        if (value == null) {
            throw new CryptoException(CryptoErrno.OPTION_NOT_SET, "option not set: " + key);
        }
        return value;
    }

    /** Whether no option of any kind has been set. */
    public boolean isEmpty() {
        return bytes.isEmpty() && numbers.isEmpty() && guestBuffer == null;
    }

    public GuestRegion guestBuffer() {
        return guestBuffer;
    }

    private Set<String> bytesNames() {
        return type == AlgorithmType.SYMMETRIC ? SYMMETRIC_BYTES : Set.of();
    }

    private Set<String> numberNames() {
        return type == AlgorithmType.SYMMETRIC ? SYMMETRIC_U64 : Set.of();
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void requireKnown(String key, Set<String> names) {
        if (!names.contains(key)) {
            throw unsupported(key);
        }
    }

    private static CryptoException unsupported(String name) {
        return new CryptoException(CryptoErrno.UNSUPPORTED_OPTION, "unsupported option: " + name);
    }

    @Override
    public String toString() {
        return "Options[" + type + ", names=" + bytes.keySet() + numbers.keySet() + "]";
    }

    /** A region of guest memory handed to the host with {@code options_set_guest_buffer}. */
    public record GuestRegion(int pointer, int length) {}
}
