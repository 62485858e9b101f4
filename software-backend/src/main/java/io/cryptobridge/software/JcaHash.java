package io.cryptobridge.software;

import io.cryptobridge.spi.HashEngine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-2 through the JDK's SUN provider, which uses the CPU's SHA instructions where present. */
final class JcaHash implements HashEngine {
    private final MessageDigest digest;

    private JcaHash(MessageDigest digest) {
        this.digest = digest;
    }

    static JcaHash create(String jcaName) {
        try {
            return new JcaHash(MessageDigest.getInstance(jcaName));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
    }

    @Override
    public HashEngine copy() {
        try {
            return new JcaHash((MessageDigest) digest.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("digest is not cloneable", e);
        }
    }

    @Override
    public byte[] digest() {
        return digest.digest();
    }
}
