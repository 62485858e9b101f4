package io.cryptobridge.software;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricService;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.kx.KeyExchangeService;
import io.cryptobridge.routing.Router;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureService;
import io.cryptobridge.signatures.SignatureState;
import io.cryptobridge.signatures.VerificationState;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** The provider-core services over one software backend, as a guest session would use them. */
final class AsymmetricFixture {
    static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    final Router router = new Router(List.of(new SoftwareBackend("soft", RANDOM)));
    final AsymmetricService keys = new AsymmetricService(router);
    final SignatureService signatures;
    final KeyExchangeService kx = new KeyExchangeService();

    AsymmetricFixture() {
        this(1 << 20);
    }

    AsymmetricFixture(long maxBufferedBytes) {
        this.signatures = new SignatureService(maxBufferedBytes);
    }

    KeyPair generateSigning(String algorithm) {
        return keys.generate(AlgorithmType.SIGNATURES, algorithm, null);
    }

    KeyPair generateKx(String algorithm) {
        return keys.generate(AlgorithmType.KEY_EXCHANGE, algorithm, null);
    }

    Signature sign(KeyPair keyPair, byte[] message) {
        SignatureState state = signatures.openSigner(keyPair);
        state.update(message);
        return state.sign();
    }

    /** Verifies; throws CryptoException(invalid_signature) on failure. */
    void verify(PublicKey publicKey, Signature signature, byte[] message) {
        VerificationState state = signatures.openVerifier(publicKey);
        state.update(message);
        state.verify(signature);
    }

    static CryptoErrno errnoOf(Executable executable) {
        return assertThrows(CryptoException.class, executable).errno();
    }

    static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
