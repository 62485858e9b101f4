package io.cryptobridge.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A remote HSM for one test class: {@code p11-kit server} exports the class's {@link SoftHsmToken}
 * on a unix socket, and backends from {@link #open} load p11-kit's RPC client ({@code
 * p11-kit-client.so}) instead of SoftHSM. Register it after the token, with {@code @Order}.
 *
 * <p>The client reads {@code P11_KIT_SERVER_ADDRESS} from the environment, which a running JVM
 * cannot change; so surefire sets it for every test JVM to one fixed socket under {@code
 * target/p11-kit} (harmless to classes that never load the client), and this fixture starts the
 * server on exactly the path that variable names. Each class has a JVM of its own ({@code
 * reuseForks=false}), so one server at a time uses the socket.
 *
 * <p>{@link #kill()} ends the server and its per-connection children ({@code p11-kit-remote}):
 * killing only the server leaves the child serving the open connection. Without p11-kit or its
 * client module the class is skipped, except with {@code CI=true}, where that is a failure.
 */
public final class P11KitServer implements BeforeAllCallback, AfterAllCallback {
    /** Debian's p11-kit-modules package; {@code P11_KIT_CLIENT_LIB} overrides it. */
    private static final String DEFAULT_CLIENT =
            "/usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so";

    private static final long WAIT_SECONDS = 15;

    private final SoftHsmToken token;
    private Path socket;
    private Process server;

    public P11KitServer(SoftHsmToken token) {
        this.token = token;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        require(SoftHsmToken.findOnPath("p11-kit") != null, "p11-kit is not on the PATH");
        require(
                Files.isRegularFile(client()),
                "the p11-kit client " + client() + " is missing (apt-get install p11-kit-modules)");
        String address = System.getenv("P11_KIT_SERVER_ADDRESS");
        require(
                address != null && address.startsWith("unix:path="),
                "P11_KIT_SERVER_ADDRESS is not set; run the tests through Maven, whose surefire sets"
                        + " it");
        socket = Path.of(address.substring("unix:path=".length()));
        Files.createDirectories(socket.getParent());
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        kill();
    }

    /** Starts the server and waits until its socket exists. */
    public void start() throws IOException, InterruptedException {
        Files.deleteIfExists(socket);
        ProcessBuilder builder =
                new ProcessBuilder(
                                List.of(
                                        SoftHsmToken.findOnPath("p11-kit"),
                                        "server",
                                        "-f",
                                        "--provider",
                                        token.library().toString(),
                                        "-n",
                                        socket.toString(),
                                        "pkcs11:token=" + token.label()))
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        socket.resolveSibling("server.log").toFile()));
        // The server loads SoftHSM, which reads the same configuration as the token fixture.
        builder.environment().put("SOFTHSM2_CONF", System.getenv("SOFTHSM2_CONF"));
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.exists(socket)) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "p11-kit server exited with " + server.exitValue() + "; see server.log");
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("p11-kit server made no socket in time");
            }
            Thread.sleep(20);
        }
    }

    /** Kills the server and the children serving open connections (SIGKILL), and waits. */
    public void kill() throws InterruptedException {
        if (server == null) {
            return;
        }
        List<ProcessHandle> children = server.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        if (!server.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("p11-kit server survived SIGKILL");
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        }
        server = null;
    }

    /** Kills the server and starts a new one on the same socket (same token). */
    public void restart() throws IOException, InterruptedException {
        kill();
        start();
    }

    public Path client() {
        String override = System.getenv("P11_KIT_CLIENT_LIB");
        return Path.of(override != null ? override : DEFAULT_CLIENT);
    }

    /** Backend settings for the remote token: the token's settings with the client library. */
    public Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> settings = token.settings(keysAndValues);
        settings.put("library", client());
        return settings;
    }

    /** A backend on the remote token; close it after the test. */
    public Pkcs11Backend open(Object... keysAndValues) {
        return Pkcs11Backend.open("remote-hsm", settings(keysAndValues));
    }

    /** Skip outside CI, fail in CI (CI=true), when the p11-kit tooling is missing. */
    private static void require(boolean condition, String why) {
        if (condition) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("p11-kit tests cannot run in CI: " + why);
        }
        Assumptions.abort("p11-kit tests skipped: " + why);
    }
}
