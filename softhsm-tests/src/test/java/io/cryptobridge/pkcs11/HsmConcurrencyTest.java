package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.CryptoHost;
import io.cryptobridge.asymmetric.KeyPairEncoding;
import io.cryptobridge.asymmetric.PublicKeyEncoding;
import io.cryptobridge.asymmetric.SecretKeyEncoding;
import io.cryptobridge.conformance.Engine;
import io.cryptobridge.conformance.GuestRunner;
import io.cryptobridge.conformance.asym.AsymReactor;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.BackendPublicKey;
import io.cryptobridge.spi.KeyExchangePrimitives;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 8 guests on 2 threads share one token (a 4-session pool): each guest runs a mix of Ed25519 and
 * ECDSA P-256 signing with keys imported into the token, Ed25519 verification and ECDH P-256 with
 * an imported secret key. Every result is checked (signatures verified in software, secrets
 * compared with software); no error, no session left checked out, no handle left open, and the
 * token's private-key objects go back to where they were.
 */
class HsmConcurrencyTest {
    @RegisterExtension static final SoftHsmToken TOKEN = new SoftHsmToken();

    private static final int GUESTS = 8;
    private static final int THREADS = 2;
    private static final int ROUNDS_PER_GUEST = 100;
    private static final int OPERATIONS_PER_ROUND = 4;

    private final SoftwareBackend soft = new SoftwareBackend("soft", new SecureRandom());
    private final SignaturePrimitives softSignatures = soft.signatures().orElseThrow();
    private final KeyExchangePrimitives softKx = soft.keyExchange().orElseThrow();

    @Test
    void eightGuestsTwoThreads_mixedOperations_noErrorNoLeak() throws Exception {
        BackendKeyPair ed = softSignatures.generateKeyPair(SignatureAlgorithm.ED25519);
        BackendKeyPair ec = softSignatures.generateKeyPair(SignatureAlgorithm.ECDSA_P256_SHA256);
        BackendKeyPair dhOwn = softKx.generateKeyPair(KxAlgorithm.P256_SHA256);
        BackendKeyPair dhPeer = softKx.generateKeyPair(KxAlgorithm.P256_SHA256);
        byte[] edPair = ed.export(KeyPairEncoding.RAW);
        byte[] ecPair = ec.export(KeyPairEncoding.PKCS8);
        byte[] edPublic = ed.publicKey().export(PublicKeyEncoding.RAW);
        byte[] dhSecret = dhOwn.secretKey().export(SecretKeyEncoding.RAW);
        byte[] peerPoint = dhPeer.publicKey().export(PublicKeyEncoding.SEC);
        byte[] expectedSecret =
                softKx.dh(KxAlgorithm.P256_SHA256, dhPeer.publicKey(), dhOwn.secretKey());
        byte[] fixedMessage = "fixed".getBytes(StandardCharsets.UTF_8);
        byte[] fixedSignature = sign(ed, fixedMessage);

        try (Pkcs11Backend hsm = TOKEN.open("sessions", 4L);
                CryptoHost host = CryptoHost.builder().backend(hsm).backend(soft).build()) {
            int keysBefore = TokenObjects.privateKeys(hsm);
            List<GuestRunner> runners = new ArrayList<>();
            List<AsymReactor> guests = new ArrayList<>();
            for (int i = 0; i < GUESTS; i++) {
                GuestRunner runner =
                        GuestRunner.builder().host(host).engine(Engine.INTERPRETER).build();
                runners.add(runner);
                guests.add(new AsymReactor(runner));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<AsymReactor> mine =
                        guests.subList(t * GUESTS / THREADS, (t + 1) * GUESTS / THREADS);
                done.add(
                        pool.submit(
                                () -> {
                                    int operations = 0;
                                    for (int round = 0; round < ROUNDS_PER_GUEST; round++) {
                                        for (AsymReactor guest : mine) {
                                            byte[] message =
                                                    ("round " + round + " of " + guest)
                                                            .getBytes(StandardCharsets.UTF_8);
                                            AsymReactor.Outcome edSig =
                                                    guest.sign(
                                                            "Ed25519",
                                                            edPair,
                                                            AsymReactor.RAW,
                                                            message,
                                                            AsymReactor.SIG_RAW);
                                            assertEquals(0, edSig.code(), "Ed25519 sign");
                                            assertTrue(
                                                    verify(
                                                            ed.publicKey(),
                                                            SignatureAlgorithm.ED25519,
                                                            message,
                                                            edSig.output()));
                                            AsymReactor.Outcome ecSig =
                                                    guest.sign(
                                                            "ECDSA_P256_SHA256",
                                                            ecPair,
                                                            AsymReactor.PKCS8,
                                                            message,
                                                            AsymReactor.SIG_RAW);
                                            assertEquals(0, ecSig.code(), "ECDSA sign");
                                            assertTrue(
                                                    verify(
                                                            ec.publicKey(),
                                                            SignatureAlgorithm.ECDSA_P256_SHA256,
                                                            message,
                                                            ecSig.output()));
                                            assertEquals(
                                                    0,
                                                    guest.verify(
                                                            "Ed25519",
                                                            edPublic,
                                                            AsymReactor.RAW,
                                                            fixedMessage,
                                                            fixedSignature,
                                                            AsymReactor.SIG_RAW),
                                                    "Ed25519 verify");
                                            AsymReactor.Outcome secret =
                                                    guest.dh(
                                                            "P256-SHA256",
                                                            dhSecret,
                                                            AsymReactor.RAW,
                                                            peerPoint,
                                                            AsymReactor.SEC);
                                            assertEquals(0, secret.code(), "ECDH");
                                            assertArrayEquals(expectedSecret, secret.output());
                                            operations += OPERATIONS_PER_ROUND;
                                        }
                                    }
                                    return operations;
                                }));
            }
            int operations = 0;
            for (Future<Integer> f : done) {
                operations += f.get();
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

            assertEquals(GUESTS * ROUNDS_PER_GUEST * OPERATIONS_PER_ROUND, operations);
            for (AsymReactor guest : guests) {
                assertEquals(0, guest.liveHandles(), "the guest closed every handle");
            }
            assertEquals(0, hsm.pool().borrowedSessions(), "no session left checked out");
            assertTrue(hsm.pool().openSessions() <= hsm.pool().capacity());
            assertTrue(hsm.pool().openSessions() > 0, "the token did the private-key work");
            assertEquals(
                    keysBefore,
                    privateKeysAfterCollection(hsm, keysBefore),
                    "no key left on the token");
            runners.forEach(GuestRunner::close);
        }
    }

    /**
     * Closing a signing state has no hook into the backend, so the state's hold on its key ends
     * when the state is collected; the objects of keys whose handles were all closed go at once.
     */
    private static int privateKeysAfterCollection(Pkcs11Backend hsm, int baseline)
            throws Exception {
        int keys = TokenObjects.privateKeys(hsm);
        for (int i = 0; i < 100 && keys > baseline; i++) {
            System.gc();
            Thread.sleep(50);
            keys = TokenObjects.privateKeys(hsm);
        }
        return keys;
    }

    private byte[] sign(BackendKeyPair pair, byte[] message) {
        SignerEngine signer = softSignatures.newSigner(SignatureAlgorithm.ED25519, pair);
        signer.update(message, 0, message.length);
        return signer.sign();
    }

    private boolean verify(
            BackendPublicKey publicKey, SignatureAlgorithm algorithm, byte[] message, byte[] sig) {
        VerifierEngine verifier = softSignatures.newVerifier(algorithm, publicKey);
        verifier.update(message, 0, message.length);
        return verifier.verify(sig);
    }
}
