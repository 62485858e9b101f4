package io.cryptobridge.software;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.util.Memoable;

/**
 * The message hashes of the signature algorithms as BouncyCastle digests, which can be copied
 * mid-stream: a signing state finishes a copy on each sign and keeps absorbing into the original.
 */
final class Digests {
    private Digests() {}

    static Digest create(String hashName) {
        switch (hashName) {
            case "SHA-256":
                return new SHA256Digest();
            case "SHA-384":
                return new SHA384Digest();
            case "SHA-512":
                return new SHA512Digest();
            default:
                throw new IllegalArgumentException("no digest " + hashName);
        }
    }

    static ASN1ObjectIdentifier oid(String hashName) {
        switch (hashName) {
            case "SHA-256":
                return NISTObjectIdentifiers.id_sha256;
            case "SHA-384":
                return NISTObjectIdentifiers.id_sha384;
            case "SHA-512":
                return NISTObjectIdentifiers.id_sha512;
            default:
                throw new IllegalArgumentException("no digest " + hashName);
        }
    }

    /** The hash of everything {@code running} has absorbed; {@code running} is unchanged. */
    static byte[] finishCopy(Digest running) {
        Digest copy = (Digest) ((Memoable) running).copy();
        byte[] hash = new byte[copy.getDigestSize()];
        copy.doFinal(hash, 0);
        return hash;
    }
}
