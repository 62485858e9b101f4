package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.spi.SignerEngine;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.LongSupplier;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.CK_RSA_PKCS_PSS_PARAMS;

/**
 * Signs on the token with the raw mechanisms ({@code CKM_ECDSA}, {@code CKM_RSA_PKCS}, {@code
 * CKM_RSA_PKCS_PSS}, {@code CKM_EDDSA}); {@code C_SignInit} + {@code C_Sign} run as one unit on a
 * pooled session.
 *
 * <p>States are cumulative (a sign does not reset them). ECDSA and RSA keep a running digest in the
 * JVM and sign the digest of a copy on each {@link #sign()}, so nothing is buffered. EdDSA needs
 * the whole message (it hashes it twice) and PKCS#11 has no multi-part EdDSA that could be copied,
 * so the message is buffered (provider-core caps it at the session limit: overflow) and signed
 * whole on every {@link #sign()}.
 */
final class TokenSigner implements SignerEngine {
    /** DER DigestInfo prefixes (RFC 8017, 9.2 note 1) for CKM_RSA_PKCS. */
    private static final byte[] SHA256_INFO = hex("3031300d060960864801650304020105000420");

    private static final byte[] SHA384_INFO = hex("3041300d060960864801650304020205000430");
    private static final byte[] SHA512_INFO = hex("3051300d060960864801650304020305000440");

    private final SignatureAlgorithm algorithm;
    private final long mechanism;
    private final LongSupplier keyHandle;
    private final SessionPool pool;
    private final MessageDigest digest;
    private final ByteArrayOutputStream message;

    TokenSigner(
            SignatureAlgorithm algorithm,
            long mechanism,
            LongSupplier keyHandle,
            SessionPool pool) {
        this.algorithm = algorithm;
        this.mechanism = mechanism;
        this.keyHandle = keyHandle;
        this.pool = pool;
        if (algorithm.buffersMessage()) {
            this.digest = null;
            this.message = new ByteArrayOutputStream();
        } else {
            this.digest = newDigest(algorithm.hashName());
            this.message = null;
        }
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        if (digest != null) {
            digest.update(data, offset, length);
        } else {
            message.write(data, offset, length);
        }
    }

    @Override
    public byte[] sign() {
        long key = keyHandle.getAsLong();
        byte[] input = digest != null ? mechanismInput(copyDigest()) : message.toByteArray();
        try {
            byte[] signature =
                    pool.run(
                            Operation.SIGN,
                            (p11, session) -> {
                                p11.C_SignInit(session, mechanism(), key);
                                return p11.C_Sign(session, input);
                            });
            if (signature.length != algorithm.signatureLength()) {
                throw new CryptoException(
                        CryptoErrno.ALGORITHM_FAILURE,
                        "the token returned a "
                                + signature.length
                                + "-byte "
                                + algorithm.specName()
                                + " signature");
            }
            return signature;
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    /** A fresh mechanism per call: the wrapper may free native parameter memory after use. */
    private CK_MECHANISM mechanism() {
        CK_MECHANISM m = new CK_MECHANISM(mechanism);
        if (algorithm.scheme() == SignatureAlgorithm.Scheme.RSA_PSS) {
            // Salt = hash length, MGF1 with the message hash (the wasi-crypto RSA_PSS_* names).
            m.setParameter(
                    new CK_RSA_PKCS_PSS_PARAMS(
                            algorithm.hashName(),
                            "MGF1",
                            algorithm.hashName(),
                            algorithm.hashLength()));
        }
        return m;
    }

    private byte[] copyDigest() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's message digests are cloneable", e);
        }
    }

    /** CKM_RSA_PKCS signs a DigestInfo; CKM_ECDSA and CKM_RSA_PKCS_PSS take the digest itself. */
    private byte[] mechanismInput(byte[] hash) {
        if (algorithm.scheme() != SignatureAlgorithm.Scheme.RSA_PKCS1) {
            return hash;
        }
        byte[] prefix = digestInfoPrefix(algorithm.hashName());
        byte[] info = Arrays.copyOf(prefix, prefix.length + hash.length);
        System.arraycopy(hash, 0, info, prefix.length, hash.length);
        return info;
    }

    private static byte[] digestInfoPrefix(String hashName) {
        switch (hashName) {
            case "SHA-256":
                return SHA256_INFO;
            case "SHA-384":
                return SHA384_INFO;
            case "SHA-512":
                return SHA512_INFO;
            default:
                throw new IllegalArgumentException("no DigestInfo for " + hashName);
        }
    }

    private static MessageDigest newDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
