package io.cryptobridge.software;

import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.bouncycastle.crypto.Digest;

/**
 * Signer and verifier engines for hash-then-sign schemes (ECDSA, RSA): the message goes into a
 * running hash, and each sign or verify finishes a copy of it, so states stay cumulative.
 */
final class Prehashed {
    private Prehashed() {}

    /** {@code signHash} turns the message hash into a signature. */
    static SignerEngine signer(String hashName, UnaryOperator<byte[]> signHash) {
        Digest running = Digests.create(hashName);
        return new SignerEngine() {
            @Override
            public void update(byte[] data, int offset, int length) {
                running.update(data, offset, length);
            }

            @Override
            public byte[] sign() {
                return signHash.apply(Digests.finishCopy(running));
            }
        };
    }

    /** {@code verifyHash} tests (message hash, signature); only {@code true} means valid. */
    static VerifierEngine verifier(String hashName, BiPredicate<byte[], byte[]> verifyHash) {
        Digest running = Digests.create(hashName);
        return new VerifierEngine() {
            @Override
            public void update(byte[] data, int offset, int length) {
                running.update(data, offset, length);
            }

            @Override
            public boolean verify(byte[] rawSignature) {
                return verifyHash.test(Digests.finishCopy(running), rawSignature);
            }
        };
    }
}
