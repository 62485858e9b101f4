package io.cryptobridge.benchmarks;

import com.dylibso.chicory.runtime.ExportFunction;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.AeadEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

/**
 * AES-256-GCM seal of one message, three ways: from a Wasm guest through the wasi-crypto ABI
 * ({@code guest}), directly through the software backend's engine that the guest call ends in
 * ({@code backend}, which feeds the cipher in 64 KiB chunks), and as one JCA {@code doFinal} over
 * the whole message ({@code jcaSingleDoFinal}, the call the chunking avoids).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AesGcmSealBenchmark {
    @Param({"64", "1024", "16384", "1048576"})
    int size;

    private BenchGuest guest;
    private ExportFunction seal;
    private AeadEngine engine;
    private SecretKeySpec jcaKey;
    private byte[] plaintext;
    private final byte[] nonce = new byte[12];
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        guest = new BenchGuest();
        BenchGuest.require(guest.export("setup_aes"));
        seal = guest.export("seal");

        SecureRandom random = new SecureRandom();
        SymmetricPrimitives software =
                new SoftwareBackend("bench", random).symmetric().orElseThrow();
        engine =
                software.newAead(
                        SymmetricAlgorithm.AES_256_GCM,
                        software.generateKey(SymmetricAlgorithm.AES_256_GCM));
        byte[] key = new byte[32];
        random.nextBytes(key);
        jcaKey = new SecretKeySpec(key, "AES");
        plaintext = new byte[size];
        random.nextBytes(plaintext);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        guest.close();
    }

    /** A fresh nonce per message, as the guest does. */
    private byte[] nextNonce() {
        ByteBuffer.wrap(nonce).putLong(++counter);
        return nonce;
    }

    @Benchmark
    public long guest() {
        long errno = seal.apply(size)[0];
        if (errno != 0) {
            throw new IllegalStateException("seal failed with crypto_errno " + errno);
        }
        return errno;
    }

    @Benchmark
    public byte[] backend() {
        return engine.seal(nextNonce(), new byte[0], plaintext);
    }

    @Benchmark
    public byte[] jcaSingleDoFinal() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, jcaKey, new GCMParameterSpec(128, nextNonce()));
        return cipher.doFinal(plaintext);
    }
}
