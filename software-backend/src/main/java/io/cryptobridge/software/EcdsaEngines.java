package io.cryptobridge.software;

import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA with BouncyCastle's lightweight API (about 7x SunEC on JDK 17). Signing is deterministic
 * (RFC 6979 nonces from HMAC of the key and the message hash), so no weak RNG can leak the key. A
 * running hash is copied on each sign/verify, so states stay cumulative.
 */
final class EcdsaEngines {
    private EcdsaEngines() {}

    static SignerEngine signer(
            ECPrivateKeyParameters privateKey, String hashName, int scalarLength) {
        return Prehashed.signer(
                hashName,
                hash -> {
                    ECDSASigner signer =
                            new ECDSASigner(new HMacDSAKCalculator(Digests.create(hashName)));
                    signer.init(true, privateKey);
                    BigInteger[] rs = signer.generateSignature(hash);
                    byte[] raw = new byte[2 * scalarLength];
                    BigIntegers.asUnsignedByteArray(rs[0], raw, 0, scalarLength);
                    BigIntegers.asUnsignedByteArray(rs[1], raw, scalarLength, scalarLength);
                    return raw;
                });
    }

    static VerifierEngine verifier(
            ECPublicKeyParameters publicKey, String hashName, int scalarLength) {
        return Prehashed.verifier(
                hashName,
                (hash, rawSignature) -> {
                    if (rawSignature.length != 2 * scalarLength) {
                        return false;
                    }
                    BigInteger r =
                            new BigInteger(1, Arrays.copyOfRange(rawSignature, 0, scalarLength));
                    BigInteger s =
                            new BigInteger(
                                    1,
                                    Arrays.copyOfRange(
                                            rawSignature, scalarLength, 2 * scalarLength));
                    ECDSASigner verifier = new ECDSASigner();
                    verifier.init(false, publicKey);
                    // Rejects r or s outside [1, n-1] by returning false.
                    return verifier.verifySignature(hash, r, s);
                });
    }
}
