package io.cryptobridge.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.asymmetric.AsymmetricService;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.kx.KeyExchangeService;
import io.cryptobridge.kx.KxAlgorithm;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureService;
import io.cryptobridge.signatures.SignatureState;
import io.cryptobridge.signatures.VerificationState;
import io.cryptobridge.spi.Backend;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import io.cryptobridge.symmetric.SymmetricService;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final String[] EVERYTHING = {"SHA-256", "SHA-512", "Ed25519", "X25519"};

    private static Route.Reason reason(Router router, String algorithm) {
        return router.route(algorithm).reason();
    }

    @Test
    void preference_firstCapableBackendServes() {
        FakeBackend a = new FakeBackend("a", EVERYTHING);
        FakeBackend b = new FakeBackend("b", EVERYTHING);
        Router router = new Router(List.of(a, b));

        assertSame(a.symmetric().orElseThrow(), router.symmetric(SymmetricAlgorithm.SHA_256));
        assertEquals(Route.Reason.CAPABILITY, reason(router, "SHA-256"));
        assertEquals("capability: first in routing.default", router.route("SHA-256").explanation());
    }

    @Test
    void capabilityFallback_laterBackendServesWhatTheFirstLacks() {
        FakeBackend a = new FakeBackend("a", "SHA-256");
        FakeBackend b = new FakeBackend("b", "SHA-256", "SHA-512");
        Router router = new Router(List.of(a, b));

        assertSame(b.symmetric().orElseThrow(), router.symmetric(SymmetricAlgorithm.SHA_512));
        Route route = router.route("SHA-512");
        assertEquals(Route.Reason.FALLBACK, route.reason());
        assertEquals(List.of("a"), route.skipped());
        assertEquals("fallback: routing.default [a, b]; a lacks it", route.explanation());
    }

    @Test
    void override_winsOverTheDefaultListEvenWhenTheFirstBackendCould() {
        FakeBackend a = new FakeBackend("a", EVERYTHING);
        FakeBackend b = new FakeBackend("b", EVERYTHING);
        Router router = new Router(List.of(a, b), Map.of("Ed25519", List.<Backend>of(b)));

        assertSame(
                b.signatures().orElseThrow(),
                router.asymmetricKeys(io.cryptobridge.signatures.SignatureAlgorithm.ED25519));
        assertEquals(Route.Reason.OVERRIDE, reason(router, "Ed25519"));
        assertEquals(
                "override: routing.algorithms.Ed25519 [b]", router.route("Ed25519").explanation());
        assertEquals(Route.Reason.CAPABILITY, reason(router, "X25519"), "others keep the default");
    }

    @Test
    void override_whoseBackendsCannotDoIt_refusesInsteadOfFallingBack() {
        FakeBackend hsm = new FakeBackend("hsm", "SHA-256");
        FakeBackend soft = new FakeBackend("soft", EVERYTHING);
        Router router = new Router(List.of(hsm, soft), Map.of("X25519", List.<Backend>of(hsm)));

        CryptoException e =
                assertThrows(CryptoException.class, () -> router.keyExchange(KxAlgorithm.X25519));
        assertEquals(CryptoErrno.UNSUPPORTED_ALGORITHM, e.errno());
        assertEquals(Route.Reason.REFUSED, reason(router, "X25519"));
        assertEquals(
                "refused: no backend of [hsm] supports it", router.route("X25519").explanation());
    }

    @Test
    void noBackendCapable_unsupportedAlgorithm() {
        Router router = new Router(List.of(new FakeBackend("a", "SHA-256")));

        CryptoException e =
                assertThrows(
                        CryptoException.class,
                        () -> router.symmetric(SymmetricAlgorithm.AES_256_GCM));
        assertEquals(CryptoErrno.UNSUPPORTED_ALGORITHM, e.errno());
        assertEquals(Route.Reason.REFUSED, reason(router, "AES-256-GCM"));
    }

    @Test
    void failureOnTheChosenBackend_isTheGuestsErrorAndNothingRunsElsewhere() {
        FakeBackend a = new FakeBackend("a", EVERYTHING);
        FakeBackend b = new FakeBackend("b", EVERYTHING);
        a.failEverything();
        SymmetricService service =
                new SymmetricService(new Router(List.of(a, b)), new SecureRandom());

        CryptoException e =
                assertThrows(CryptoException.class, () -> service.open("SHA-256", null, null));

        assertEquals(CryptoErrno.ALGORITHM_FAILURE, e.errno());
        assertEquals(List.of("hash SHA-256"), a.operations());
        assertEquals(List.of(), b.operations(), "b never ran the failed operation");
    }

    @Test
    void operationsOnAKey_stayOnTheKeysBackend() {
        FakeBackend a = new FakeBackend("a", EVERYTHING);
        FakeBackend b = new FakeBackend("b", EVERYTHING);
        // The key is made where the override sends Ed25519 ...
        Router router = new Router(List.of(a, b), Map.of("Ed25519", List.<Backend>of(b)));
        KeyPair pair =
                new AsymmetricService(router).generate(AlgorithmType.SIGNATURES, "ed25519", null);
        SignatureService signatures = new SignatureService(1 << 20);

        // ... and signing and verifying with it run there, whatever the default list says.
        SignatureState signer = signatures.openSigner(pair);
        signer.update("message".getBytes());
        Signature signature = signer.sign();
        VerificationState verifier = signatures.openVerifier(pair.publicKey());
        verifier.update("message".getBytes());
        verifier.verify(signature);

        assertEquals(List.of(), a.operations());
        assertEquals(List.of("generate Ed25519", "sign Ed25519", "verify Ed25519"), b.operations());
    }

    @Test
    void dhWithAPeerKeyFromAnotherBackend_importsItWhereTheSecretKeyIs() {
        FakeBackend a = new FakeBackend("a", EVERYTHING);
        FakeBackend b = new FakeBackend("b", EVERYTHING);
        // Two routes to tell the backends apart; in a host this happens with keys that come
        // from a particular backend (managed keys, or an HSM-only route next to a software one).
        AsymmetricService onA = new AsymmetricService(new Router(List.of(a)));
        AsymmetricService onB = new AsymmetricService(new Router(List.of(b)));
        KeyPair alice = onA.generate(AlgorithmType.KEY_EXCHANGE, "X25519", null);
        KeyPair bob = onB.generate(AlgorithmType.KEY_EXCHANGE, "X25519", null);
        KeyExchangeService kx = new KeyExchangeService();

        byte[] aliceSide = kx.dh(bob.publicKey(), alice.secretKey());
        byte[] bobSide = kx.dh(alice.publicKey(), bob.secretKey());

        assertArrayEquals(aliceSide, bobSide);
        assertEquals(
                List.of("generate X25519", "import public X25519", "dh X25519"), a.operations());
        assertEquals(
                List.of("generate X25519", "import public X25519", "dh X25519"), b.operations());
    }

    @Test
    void keyPairFromHalvesOfTwoBackends_isJoinedOnTheSecretKeysBackend() {
        FakeBackend a = new FakeBackend("a", EVERYTHING);
        FakeBackend b = new FakeBackend("b", EVERYTHING);
        AsymmetricService onA = new AsymmetricService(new Router(List.of(a)));
        AsymmetricService onB = new AsymmetricService(new Router(List.of(b)));
        KeyPair pair = onA.generate(AlgorithmType.SIGNATURES, "Ed25519", null);
        PublicKey foreignCopy =
                onB.importPublicKey(
                        AlgorithmType.SIGNATURES,
                        "Ed25519",
                        pair.publicKey().export(io.cryptobridge.asymmetric.PublicKeyEncoding.PKCS8),
                        io.cryptobridge.asymmetric.PublicKeyEncoding.PKCS8);

        KeyPair joined = onA.keyPair(foreignCopy, pair.secretKey());

        assertSame(a.signatures().orElseThrow(), joined.backend());
        assertEquals(List.of("generate Ed25519", "import public Ed25519"), a.operations());
    }

    @Test
    void routes_coverEveryKnownAlgorithmInCatalogOrder() {
        Router router = new Router(List.of(new FakeBackend("a", EVERYTHING)));

        assertEquals(
                AlgorithmCatalog.names(), router.routes().stream().map(Route::algorithm).toList());
    }

    @Test
    void describe_printsOneLinePerAlgorithmWithBackendAndWhy() {
        FakeBackend a = new FakeBackend("a", "SHA-256");
        Router router = new Router(List.of(a));

        String table = router.describe();

        assertEquals(AlgorithmCatalog.names().size() + 1, table.lines().count());
        assertTrue(table.startsWith("algorithm "), table);
        assertTrue(
                table.lines()
                        .anyMatch(
                                l -> l.matches("SHA-256 +a +capability: first in routing.default")),
                table);
        assertTrue(
                table.lines()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "X25519 +- +refused: no backend of \\[a\\] supports it")),
                table);
    }
}
