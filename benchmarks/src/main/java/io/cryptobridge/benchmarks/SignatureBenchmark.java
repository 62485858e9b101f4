package io.cryptobridge.benchmarks;

import com.dylibso.chicory.runtime.ExportFunction;
import io.cryptobridge.signatures.SignatureAlgorithm;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.BackendKeyPair;
import io.cryptobridge.spi.SignaturePrimitives;
import io.cryptobridge.spi.SignerEngine;
import io.cryptobridge.spi.VerifierEngine;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Signing and verifying one message, from a Wasm guest through the wasi-crypto ABI ({@code guest*})
 * and directly through the software backend's signer and verifier engines ({@code backend*}) that
 * the guest calls end in. Keys are made once per trial; every operation opens a fresh state, as a
 * guest signing independent messages does. Each trial also prints the thread's CPU time per
 * operation ({@link CpuTimePerOp}), which the shared machine's load distorts far less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {
    /** The guest's SIG_ALGS table, in its order: the guest exports take an index into it. */
    private static final List<String> GUEST_ALGORITHMS =
            List.of("Ed25519", "ECDSA_P256_SHA256", "RSA_PKCS1_2048_SHA256");

    @Param({"Ed25519", "ECDSA_P256_SHA256", "RSA_PKCS1_2048_SHA256"})
    String algorithm;

    @Param({"64"})
    int size;

    private BenchGuest guest;
    private ExportFunction sign;
    private ExportFunction verify;
    private int guestAlgorithm;

    private SignatureAlgorithm spec;
    private SignaturePrimitives software;
    private BackendKeyPair keyPair;
    private byte[] message;
    private byte[] signature;
    private final CpuTimePerOp cpu = new CpuTimePerOp();

    @Setup(Level.Trial)
    public void setUp() {
        guestAlgorithm = GUEST_ALGORITHMS.indexOf(algorithm);
        guest = new BenchGuest();
        BenchGuest.require(guest.export("setup_signature"), guestAlgorithm, size);
        sign = guest.export("sign");
        verify = guest.export("verify");

        SecureRandom random = new SecureRandom();
        spec = SignatureAlgorithm.parse(algorithm);
        software = new SoftwareBackend("bench", random).signatures().orElseThrow();
        keyPair = software.generateKeyPair(spec);
        message = new byte[size];
        random.nextBytes(message);
        signature = sign();
        if (!verify()) {
            throw new IllegalStateException(algorithm + ": the backend rejects its own signature");
        }
    }

    @Setup(Level.Iteration)
    public void iterationStarted(IterationParams params) {
        cpu.iterationStarted(params);
    }

    @TearDown(Level.Iteration)
    public void iterationEnded() {
        cpu.iterationEnded();
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) {
        System.out.println(cpu.summary(params.getBenchmark() + " " + algorithm));
        guest.close();
    }

    @Benchmark
    public long guestSign() {
        cpu.count();
        return checked("sign", sign.apply(guestAlgorithm, size)[0]);
    }

    @Benchmark
    public long guestVerify() {
        cpu.count();
        return checked("verify", verify.apply(guestAlgorithm, size)[0]);
    }

    @Benchmark
    public byte[] backendSign() {
        cpu.count();
        return sign();
    }

    private byte[] sign() {
        SignerEngine signer = software.newSigner(spec, keyPair);
        signer.update(message, 0, message.length);
        return signer.sign();
    }

    @Benchmark
    public boolean backendVerify() {
        cpu.count();
        return verify();
    }

    private boolean verify() {
        VerifierEngine verifier = software.newVerifier(spec, keyPair.publicKey());
        verifier.update(message, 0, message.length);
        return verifier.verify(signature);
    }

    private static long checked(String what, long errno) {
        if (errno != 0) {
            throw new IllegalStateException(what + " failed with crypto_errno " + errno);
        }
        return errno;
    }
}
