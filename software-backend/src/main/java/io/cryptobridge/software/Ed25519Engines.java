package io.cryptobridge.software;

import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032, pure) with BouncyCastle: the message is buffered and every sign signs the
 * whole buffer from scratch, so the nonce r always depends on the full message. (BouncyCastle's
 * Ed25519Signer resets its buffer on sign, which would break the spec's cumulative states.)
 */
final class Ed25519Engines {
    private static final int SIGNATURE_LENGTH = 64;

    private Ed25519Engines() {}

    static SignerEngine signer(Ed25519PrivateKeyParameters privateKey) {
        MessageBuffer message = new MessageBuffer();
        return new SignerEngine() {
            @Override
            public void update(byte[] data, int offset, int length) {
                message.append(data, offset, length);
            }

            @Override
            public byte[] sign() {
                byte[] signature = new byte[SIGNATURE_LENGTH];
                // The private key caches its public key, so this does not recompute it.
                privateKey.sign(
                        Ed25519.Algorithm.Ed25519,
                        null,
                        message.data(),
                        0,
                        message.size(),
                        signature,
                        0);
                return signature;
            }
        };
    }

    static VerifierEngine verifier(Ed25519PublicKeyParameters publicKey) {
        MessageBuffer message = new MessageBuffer();
        return new VerifierEngine() {
            @Override
            public void update(byte[] data, int offset, int length) {
                message.append(data, offset, length);
            }

            @Override
            public boolean verify(byte[] rawSignature) {
                if (rawSignature.length != SIGNATURE_LENGTH) {
                    return false;
                }
                return publicKey.verify(
                        Ed25519.Algorithm.Ed25519,
                        null,
                        message.data(),
                        0,
                        message.size(),
                        rawSignature,
                        0);
            }
        };
    }
}
