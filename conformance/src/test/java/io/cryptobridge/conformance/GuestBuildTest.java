package io.cryptobridge.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed guests/wasm/*.wasm are what guests/build.sh makes from the committed sources.
 * Without the toolchain the test is skipped, except in CI ({@code CI=true}), where it fails.
 */
class GuestBuildTest {
    private static final List<String> TOOLS = List.of("clang", "wasm-ld", "wat2wasm");
    private static final Path WASI_LIBC = Path.of("/usr/lib/wasm32-wasi/libc.a");

    @Test
    void committedWasm_freshBuild_identicalBytes(@TempDir Path out)
            throws IOException, InterruptedException {
        requireToolchain();
        Path guests = Guests.root();

        Process build =
                new ProcessBuilder("sh", guests.resolve("build.sh").toString(), out.toString())
                        .redirectErrorStream(true)
                        .start();
        boolean finished = build.waitFor(5, TimeUnit.MINUTES);
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "guests/build.sh did not finish");
        assertEquals(0, build.exitValue(), "guests/build.sh failed:\n" + log);

        List<String> committed = wasmFiles(guests.resolve("wasm"));
        assertEquals(committed, wasmFiles(out), "the same guests are built and committed");
        for (String name : committed) {
            assertArrayEquals(
                    Files.readAllBytes(out.resolve(name)),
                    Files.readAllBytes(guests.resolve("wasm").resolve(name)),
                    name + " differs from a fresh build: run guests/build.sh and commit");
        }
    }

    private static List<String> wasmFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".wasm"))
                    .sorted()
                    .toList();
        }
    }

    private static void requireToolchain() {
        List<String> missing = TOOLS.stream().filter(t -> !onPath(t)).toList();
        boolean libc = Files.isRegularFile(WASI_LIBC);
        if (missing.isEmpty() && libc) {
            return;
        }
        String message =
                "guest toolchain missing ("
                        + (missing.isEmpty() ? "" : String.join(", ", missing) + " ")
                        + (libc ? "" : WASI_LIBC + " ")
                        + "); install: apt-get install -y clang lld wasi-libc"
                        + " libclang-rt-14-dev-wasm32 wabt";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must check the committed guests: " + message);
        }
        Assumptions.abort(message);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
