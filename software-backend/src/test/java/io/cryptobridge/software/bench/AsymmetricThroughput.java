package io.cryptobridge.software.bench;

import io.cryptobridge.AlgorithmType;
import io.cryptobridge.asymmetric.AsymmetricService;
import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.SecretKey;
import io.cryptobridge.kx.KeyExchangeService;
import io.cryptobridge.routing.Router;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureService;
import io.cryptobridge.signatures.SignatureState;
import io.cryptobridge.signatures.VerificationState;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.KeyExchangePrimitives.Encapsulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyAgreement;

/**
 * A quick single-thread throughput harness (not a unit test): our software backend through the
 * provider-core services, next to the JDK provider for the same primitive. Run it with the test
 * class path: {@code java -cp ... io.cryptobridge.software.bench.AsymmetricThroughput [filter]}.
 * Each row: 2 s warm-up, then the median of 3 one-second samples, reported per wall-clock second
 * and per second of the measuring thread's CPU time. The second figure stays meaningful when other
 * processes compete for the cores (the shared build machine), the first does not.
 */
public final class AsymmetricThroughput {
    private static final byte[] MESSAGE = new byte[64];
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AsymmetricService keys;
    private final SignatureService signatures = new SignatureService(1 << 20);
    private final KeyExchangeService kx = new KeyExchangeService();

    private AsymmetricThroughput() {
        keys = new AsymmetricService(new Router(List.of(new SoftwareBackend("soft", RANDOM))));
    }

    public static void main(String[] args) throws Exception {
        String filter = args.length > 0 ? args[0] : "";
        System.out.println(
                "java "
                        + System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vm.name")
                        + ")");
        Map<String, Op> ops = new AsymmetricThroughput().operations();
        for (Map.Entry<String, Op> e : ops.entrySet()) {
            if (e.getKey().contains(filter)) {
                double[] rates = measure(e.getValue());
                System.out.printf(
                        "%-48s %10.0f ops/s wall %10.0f ops/CPU-s%n",
                        e.getKey(), rates[0], rates[1]);
            }
        }
    }

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    private Map<String, Op> operations() throws Exception {
        Map<String, Op> ops = new LinkedHashMap<>();
        for (String algorithm :
                new String[] {
                    "Ed25519",
                    "ECDSA_P256_SHA256",
                    "ECDSA_P384_SHA384",
                    "ECDSA_K256_SHA256",
                    "RSA_PKCS1_2048_SHA256",
                    "RSA_PSS_2048_SHA256"
                }) {
            KeyPair pair = keys.generate(AlgorithmType.SIGNATURES, algorithm, null);
            PublicKey publicKey = pair.publicKey();
            Signature signature = sign(pair);
            ops.put("cryptobridge sign   " + algorithm, () -> sign(pair));
            ops.put("cryptobridge verify " + algorithm, () -> verify(publicKey, signature));
        }
        jdkSignature(ops, "Ed25519", "Ed25519", null);
        jdkSignature(
                ops, "EC", "SHA256withECDSAinP1363Format", new ECGenParameterSpec("secp256r1"));
        jdkSignature(
                ops, "EC", "SHA384withECDSAinP1363Format", new ECGenParameterSpec("secp384r1"));
        jdkSignature(ops, "RSA", "SHA256withRSA", null);
        for (String algorithm : new String[] {"X25519", "P256-SHA256", "P384-SHA384"}) {
            KeyPair a = keys.generate(AlgorithmType.KEY_EXCHANGE, algorithm, null);
            PublicKey peer = keys.generate(AlgorithmType.KEY_EXCHANGE, algorithm, null).publicKey();
            SecretKey own = a.secretKey();
            ops.put("cryptobridge kx_dh  " + algorithm, () -> kx.dh(peer, own));
        }
        jdkAgreement(ops, "XDH", "X25519", null);
        jdkAgreement(ops, "EC", "ECDH", new ECGenParameterSpec("secp256r1"));
        for (String algorithm : new String[] {"ML-KEM-768", "X-WING"}) {
            KeyPair pair = keys.generate(AlgorithmType.KEY_EXCHANGE, algorithm, null);
            PublicKey publicKey = pair.publicKey();
            SecretKey secretKey = pair.secretKey();
            Encapsulation encapsulation = kx.encapsulate(publicKey);
            ops.put("cryptobridge kx_encapsulate " + algorithm, () -> kx.encapsulate(publicKey));
            ops.put(
                    "cryptobridge kx_decapsulate " + algorithm,
                    () -> kx.decapsulate(secretKey, encapsulation.ciphertext()));
        }
        return ops;
    }

    private Signature sign(KeyPair pair) {
        SignatureState state = signatures.openSigner(pair);
        state.update(MESSAGE);
        return state.sign();
    }

    private void verify(PublicKey publicKey, Signature signature) {
        VerificationState state = signatures.openVerifier(publicKey);
        state.update(MESSAGE);
        state.verify(signature);
    }

    private static void jdkSignature(
            Map<String, Op> ops,
            String keyType,
            String name,
            java.security.spec.AlgorithmParameterSpec spec)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
        if (spec != null) {
            generator.initialize(spec);
        }
        java.security.KeyPair pair = generator.generateKeyPair();
        java.security.Signature signer = java.security.Signature.getInstance(name);
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        String provider = signer.getProvider().getName();
        ops.put(
                "JDK " + provider + " sign   " + name,
                () -> {
                    signer.initSign(pair.getPrivate());
                    signer.update(MESSAGE);
                    signer.sign();
                });
        java.security.Signature verifier = java.security.Signature.getInstance(name);
        ops.put(
                "JDK " + provider + " verify " + name,
                () -> {
                    verifier.initVerify(pair.getPublic());
                    verifier.update(MESSAGE);
                    if (!verifier.verify(signature)) {
                        throw new IllegalStateException("JDK signature did not verify");
                    }
                });
    }

    private static void jdkAgreement(
            Map<String, Op> ops,
            String keyType,
            String name,
            java.security.spec.AlgorithmParameterSpec spec)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
        if (spec != null) {
            generator.initialize(spec);
        } else {
            generator.initialize(255);
        }
        java.security.KeyPair own = generator.generateKeyPair();
        java.security.KeyPair peer = generator.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance(name);
        ops.put(
                "JDK " + agreement.getProvider().getName() + " agreement " + name,
                () -> {
                    agreement.init(own.getPrivate());
                    agreement.doPhase(peer.getPublic(), true);
                    agreement.generateSecret();
                });
    }

    /** {median ops per wall second, median ops per thread-CPU second}. */
    private static double[] measure(Op op) throws Exception {
        run(op, 2_000);
        double[] wall = new double[3];
        double[] cpu = new double[3];
        for (int i = 0; i < wall.length; i++) {
            double[] sample = run(op, 1_000);
            wall[i] = sample[0];
            cpu[i] = sample[1];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[1], cpu[1]};
    }

    private static double[] run(Op op, long millis) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + millis * 1_000_000;
        long count = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long now;
        do {
            op.run();
            count++;
            now = System.nanoTime();
        } while (now < end);
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        return new double[] {count * 1e9 / (now - start), count * 1e9 / cpuNanos};
    }
}
