package io.cryptobridge.software;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.util.Arrays;

/**
 * RSASSA-PKCS1-v1_5 and RSASSA-PSS (MGF1 with the message hash, salt length = hash length, trailer
 * 0xBC) over a running hash that is copied on each sign/verify. The private operation is blinded.
 * PKCS#1 verification re-encodes the expected DigestInfo and compares it whole (no lenient parsing
 * of the decrypted block).
 */
final class RsaEngines {
    private static final byte TRAILER = (byte) 0xBC;

    private RsaEngines() {}

    static SignerEngine pkcs1Signer(
            RSAKeyParameters privateKey, String hashName, SecureRandom random) {
        return Prehashed.signer(
                hashName,
                hash -> {
                    byte[] digestInfo = digestInfo(hashName, hash);
                    PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
                    rsa.init(true, new ParametersWithRandom(privateKey, random));
                    try {
                        return rsa.processBlock(digestInfo, 0, digestInfo.length);
                    } catch (InvalidCipherTextException e) {
                        throw new CryptoException(
                                CryptoErrno.ALGORITHM_FAILURE, "RSA signing failed", e);
                    }
                });
    }

    static VerifierEngine pkcs1Verifier(RSAKeyParameters publicKey, String hashName) {
        return Prehashed.verifier(
                hashName,
                (hash, rawSignature) -> {
                    byte[] expected = digestInfo(hashName, hash);
                    PKCS1Encoding rsa = new PKCS1Encoding(new RSABlindedEngine());
                    rsa.init(false, publicKey);
                    try {
                        byte[] recovered = rsa.processBlock(rawSignature, 0, rawSignature.length);
                        return Arrays.constantTimeAreEqual(expected, recovered);
                    } catch (InvalidCipherTextException | DataLengthException e) {
                        return false;
                    }
                });
    }

    static SignerEngine pssSigner(
            RSAKeyParameters privateKey, String hashName, SecureRandom random) {
        return Prehashed.signer(
                hashName,
                hash -> {
                    PSSSigner pss = rawPss(hashName);
                    pss.init(true, new ParametersWithRandom(privateKey, random));
                    pss.update(hash, 0, hash.length);
                    try {
                        return pss.generateSignature();
                    } catch (org.bouncycastle.crypto.CryptoException e) {
                        throw new CryptoException(
                                CryptoErrno.ALGORITHM_FAILURE, "RSA-PSS signing failed", e);
                    }
                });
    }

    static VerifierEngine pssVerifier(RSAKeyParameters publicKey, String hashName) {
        return Prehashed.verifier(
                hashName,
                (hash, rawSignature) -> {
                    PSSSigner pss = rawPss(hashName);
                    pss.init(false, publicKey);
                    pss.update(hash, 0, hash.length);
                    try {
                        return pss.verifySignature(rawSignature);
                    } catch (DataLengthException e) {
                        return false;
                    }
                });
    }

    /** A PSS signer fed the message hash instead of the message. */
    private static PSSSigner rawPss(String hashName) {
        Digest content = Digests.create(hashName);
        return PSSSigner.createRawSigner(
                new RSABlindedEngine(),
                content,
                Digests.create(hashName),
                content.getDigestSize(),
                TRAILER);
    }

    private static byte[] digestInfo(String hashName, byte[] hash) {
        try {
            return new DigestInfo(
                            new AlgorithmIdentifier(Digests.oid(hashName), DERNull.INSTANCE), hash)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a DigestInfo", e);
        }
    }
}
