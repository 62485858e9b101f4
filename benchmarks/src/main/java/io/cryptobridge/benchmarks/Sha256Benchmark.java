package io.cryptobridge.benchmarks;

import com.dylibso.chicory.runtime.ExportFunction;
import io.cryptobridge.software.SoftwareBackend;
import io.cryptobridge.spi.HashEngine;
import io.cryptobridge.spi.SymmetricPrimitives;
import io.cryptobridge.symmetric.SymmetricAlgorithm;
import java.security.SecureRandom;
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

/**
 * SHA-256 of one message, from a Wasm guest through the wasi-crypto ABI ({@code guest}) and
 * directly through the software backend's hash engine ({@code backend}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Sha256Benchmark {
    @Param({"1024"})
    int size;

    private BenchGuest guest;
    private ExportFunction sha256;
    private SymmetricPrimitives software;
    private byte[] message;

    @Setup(Level.Trial)
    public void setUp() {
        guest = new BenchGuest();
        BenchGuest.require(guest.export("setup_aes"));
        sha256 = guest.export("sha256");
        SecureRandom random = new SecureRandom();
        software = new SoftwareBackend("bench", random).symmetric().orElseThrow();
        message = new byte[size];
        random.nextBytes(message);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        guest.close();
    }

    @Benchmark
    public long guest() {
        long errno = sha256.apply(size)[0];
        if (errno != 0) {
            throw new IllegalStateException("sha256 failed with crypto_errno " + errno);
        }
        return errno;
    }

    @Benchmark
    public byte[] backend() {
        HashEngine hash = software.newHash(SymmetricAlgorithm.SHA_256);
        hash.update(message, 0, message.length);
        return hash.digest();
    }
}
