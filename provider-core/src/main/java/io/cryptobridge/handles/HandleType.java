package io.cryptobridge.handles;

/**
 * The wasi-crypto handle types. Each handle carries its type's tag in the high byte, so a handle of
 * one type passed where another is expected is recognised as {@code invalid_handle}.
 */
public enum HandleType {
    ARRAY_OUTPUT(0x00),
    OPTIONS(0x01),
    KEYPAIR(0x02),
    PUBLICKEY(0x03),
    SECRETKEY(0x04),
    SIGNATURE_STATE(0x05),
    SIGNATURE(0x06),
    SIGNATURE_VERIFICATION_STATE(0x07),
    SYMMETRIC_STATE(0x08),
    SYMMETRIC_KEY(0x09),
    SYMMETRIC_TAG(0x0a),
    SECRETS_MANAGER(0x0b);

    private final int tag;

    HandleType(int tag) {
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }
}
