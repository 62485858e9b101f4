package io.cryptobridge.software;

import io.cryptobridge.spi.MacEngine;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC through SunJCE, whose SHA-2 compression uses CPU intrinsics (about 10x BouncyCastle). */
final class JcaMac implements MacEngine {
    private final Mac mac;

    private JcaMac(Mac mac) {
        this.mac = mac;
    }

    /** An HMAC over {@code key}; {@code hashName} is the JCA digest name, e.g. SHA-256. */
    static JcaMac create(String hashName, byte[] key) {
        String jcaName = "Hmac" + hashName.replace("-", "");
        try {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(new SecretKeySpec(key, jcaName));
            return new JcaMac(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot do " + jcaName, e);
        }
    }

    @Override
    public void update(byte[] data, int offset, int length) {
        mac.update(data, offset, length);
    }

    @Override
    public MacEngine copy() {
        try {
            return new JcaMac((Mac) mac.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("mac is not cloneable", e);
        }
    }

    @Override
    public byte[] tag() {
        return mac.doFinal();
    }

    /** One-shot HMAC, for HKDF. */
    static byte[] compute(String hashName, byte[] key, byte[]... parts) {
        JcaMac mac = create(hashName, key);
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        return mac.tag();
    }
}
