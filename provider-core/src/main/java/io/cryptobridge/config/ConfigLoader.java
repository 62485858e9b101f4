package io.cryptobridge.config;

import io.cryptobridge.SessionLimits;
import io.cryptobridge.routing.AlgorithmCatalog;
import io.cryptobridge.spi.BackendFactories;
import io.cryptobridge.spi.BackendFactory;
import io.cryptobridge.spi.BackendSetting;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one configuration file into a {@link CryptoConfig}, reporting the first mistake as a {@link
 * ConfigException}. Each section ({@code backends}, {@code routing}, {@code limits}, {@code
 * guests}, {@code secrets-manager}) has its own method.
 */
final class ConfigLoader {
    /** The name the default software backend gets when the file defines no backends. */
    static final String DEFAULT_BACKEND = "software";

    private static final List<String> SECTIONS =
            List.of("backends", "routing", "limits", "guests", "secrets-manager");
    private static final List<String> GUEST_KEYS =
            List.of("namespace", "allow", "max-handles", "max-buffered-bytes");
    private static final String ALGORITHM_NAMES = "see docs/algorithms.md for the names";
    private static final Pattern BACKEND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final int MAX_FILE_CHARS = 1 << 20;
    private static final int MAX_NAMESPACE_CHARS = 64;

    private final Path file;

    ConfigLoader(Path file) {
        this.file = file;
    }

    CryptoConfig load() {
        Node root = parse(read());
        if (root == null) {
            return new CryptoConfig(
                    file,
                    List.of(defaultBackend()),
                    List.of(DEFAULT_BACKEND),
                    SessionLimits.DEFAULT);
        }
        Map<String, ConfigNode> sections = new ConfigNode(file, "", root).mapping(SECTIONS);
        SessionLimits limits = limits(section(sections, "limits"));
        ConfigNode backendsNode = section(sections, "backends");
        ConfigNode routingNode = section(sections, "routing");
        List<BackendDefinition> backends =
                backendsNode == null ? List.of(defaultBackend()) : backends(backendsNode);
        List<String> preference = backends.stream().map(BackendDefinition::name).toList();
        Map<String, List<String>> routes = Map.of();
        if (routingNode != null) {
            Map<String, ConfigNode> keys = routingNode.mapping(List.of("default", "algorithms"));
            ConfigNode defaultNode = keys.get("default");
            if (defaultNode == null) {
                throw routingNode.error("missing required key 'default'");
            }
            preference = backendList(defaultNode, backends);
            ConfigNode algorithmsNode = keys.get("algorithms");
            if (algorithmsNode != null && !algorithmsNode.isNull()) {
                routes = routes(algorithmsNode, backends);
            }
        }
        String secretsManager = secretsManager(section(sections, "secrets-manager"), backends);
        if (backendsNode != null) {
            requireAllUsed(backendsNode, preference, routes, secretsManager);
        }
        Map<String, GuestProfile> guests = guests(section(sections, "guests"), limits);
        return new CryptoConfig(file, backends, preference, routes, limits, guests, secretsManager);
    }

    private static BackendDefinition defaultBackend() {
        return new BackendDefinition(DEFAULT_BACKEND, "software", Map.of(), 0);
    }

    private String read() {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.length() > MAX_FILE_CHARS) {
                throw new ConfigException(file, 0, "", "file is larger than 1 MiB");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "", "file not found");
        } catch (MalformedInputException e) {
            throw new ConfigException(file, 0, "", "file is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(
                    file, 0, "", "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Node parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file, line, "", "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(file, 0, "", "invalid YAML: " + e.getMessage());
        }
    }

    /** A top-level section, or null when it is absent or empty. */
    private static ConfigNode section(Map<String, ConfigNode> sections, String name) {
        ConfigNode node = sections.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private SessionLimits limits(ConfigNode node) {
        if (node == null) {
            return SessionLimits.DEFAULT;
        }
        return limits(
                node.mapping(List.of("max-handles", "max-buffered-bytes")), SessionLimits.DEFAULT);
    }

    /** The limits among {@code keys}; {@code defaults} for those not given. */
    private static SessionLimits limits(Map<String, ConfigNode> keys, SessionLimits defaults) {
        int maxHandles =
                keys.containsKey("max-handles")
                        ? (int) keys.get("max-handles").integer(1, Integer.MAX_VALUE)
                        : defaults.maxHandles();
        long maxBuffered =
                keys.containsKey("max-buffered-bytes")
                        ? keys.get("max-buffered-bytes").integer(0, Long.MAX_VALUE)
                        : defaults.maxBufferedBytes();
        return new SessionLimits(maxHandles, maxBuffered);
    }

    private List<BackendDefinition> backends(ConfigNode node) {
        Map<String, ConfigNode> entries = node.entries();
        if (entries.isEmpty()) {
            throw node.error("expected at least one backend");
        }
        List<BackendDefinition> backends = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> entry : entries.entrySet()) {
            backends.add(backend(entry.getKey(), entry.getValue()));
        }
        return backends;
    }

    private BackendDefinition backend(String name, ConfigNode node) {
        if (!BACKEND_NAME.matcher(name).matches()) {
            throw new ConfigException(
                    file,
                    node.keyLine(),
                    node.path(),
                    "a backend name may contain only letters, digits, '-' and '_'");
        }
        Map<String, ConfigNode> entries = node.entries();
        ConfigNode typeNode = entries.get("type");
        if (typeNode == null) {
            throw node.error("missing required key 'type'");
        }
        String type = typeNode.string();
        BackendFactory factory =
                BackendFactories.find(type)
                        .orElseThrow(
                                () ->
                                        typeNode.error(
                                                "unknown backend type '"
                                                        + type
                                                        + "' (available: "
                                                        + availableTypes()
                                                        + ")"));
        List<String> allowed = new ArrayList<>();
        allowed.add("type");
        factory.settings().forEach(setting -> allowed.add(setting.name()));
        node.mapping(allowed);

        Map<String, Object> settings = new LinkedHashMap<>();
        for (BackendSetting setting : factory.settings()) {
            ConfigNode value = entries.get(setting.name());
            if (value != null) {
                settings.put(setting.name(), setting(value, setting.type()));
            } else if (setting.required()) {
                throw node.error("missing required key '" + setting.name() + "'");
            }
        }
        return new BackendDefinition(name, type, settings, node.keyLine());
    }

    private static String availableTypes() {
        Set<String> types = BackendFactories.types();
        return types.isEmpty()
                ? "none; no backend jar is on the class path"
                : String.join(", ", types);
    }

    private Object setting(ConfigNode node, BackendSetting.Type type) {
        return switch (type) {
            case STRING -> node.string();
            case INTEGER -> node.integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case BOOLEAN -> node.bool();
            case PATH -> path(node);
            case SECRET -> secret(node);
        };
    }

    private Path path(ConfigNode node) {
        String text = node.string();
        if (text.isEmpty()) {
            throw node.error("expected a path, found an empty string");
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder.resolve(text).normalize();
    }

    private SecretRef secret(ConfigNode node) {
        if (!node.isMapping()) {
            throw node.error("secrets cannot be written inline; use {env: VAR} or {file: PATH}");
        }
        Map<String, ConfigNode> source = node.mapping(List.of("env", "file"));
        if (source.size() != 1) {
            throw node.error("expected exactly one of {env: VAR} or {file: PATH}");
        }
        SecretRef secret;
        if (source.containsKey("env")) {
            String variable = source.get("env").string();
            if (variable.isEmpty()) {
                throw source.get("env").error("expected a variable name, found an empty string");
            }
            secret = SecretRef.env(variable);
        } else {
            secret = SecretRef.file(path(source.get("file")));
        }
        secret.problem()
                .ifPresent(
                        problem -> {
                            throw node.error(problem);
                        });
        return secret;
    }

    /** A list of defined backend names: non-empty, each once. */
    private List<String> backendList(ConfigNode node, List<BackendDefinition> backends) {
        List<String> names = backends.stream().map(BackendDefinition::name).toList();
        List<ConfigNode> items = node.sequence();
        if (items.isEmpty()) {
            throw node.error("expected at least one backend name");
        }
        List<String> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode item : items) {
            String name = item.string();
            if (!names.contains(name)) {
                throw item.error(
                        "unknown backend '"
                                + name
                                + "' (defined: "
                                + String.join(", ", names)
                                + ")");
            }
            if (!seen.add(name)) {
                throw item.error("backend '" + name + "' is listed twice");
            }
            list.add(name);
        }
        return list;
    }

    /** {@code routing.algorithms}: algorithm name to its own preference list. */
    private Map<String, List<String>> routes(ConfigNode node, List<BackendDefinition> backends) {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
            ConfigNode value = entry.getValue();
            String algorithm = algorithmKey(value, entry.getKey());
            Integer earlier = lines.putIfAbsent(algorithm, value.keyLine());
            if (earlier != null) {
                throw keyError(
                        value, "algorithm " + algorithm + " is already routed on line " + earlier);
            }
            routes.put(algorithm, backendList(value, backends));
        }
        return routes;
    }

    /** The spec spelling of an algorithm used as a key; reported at the key's line otherwise. */
    private String algorithmKey(ConfigNode node, String name) {
        return AlgorithmCatalog.canonical(name)
                .orElseThrow(() -> keyError(node, "unknown algorithm; " + ALGORITHM_NAMES));
    }

    private ConfigException keyError(ConfigNode node, String problem) {
        return new ConfigException(file, node.keyLine(), node.path(), problem);
    }

    private Map<String, GuestProfile> guests(ConfigNode node, SessionLimits limits) {
        Map<String, GuestProfile> guests = new LinkedHashMap<>();
        if (node == null) {
            return guests;
        }
        for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
            guests.put(entry.getKey(), guest(entry.getKey(), entry.getValue(), limits));
        }
        return guests;
    }

    private GuestProfile guest(String name, ConfigNode node, SessionLimits limits) {
        if (!BACKEND_NAME.matcher(name).matches() || name.length() > MAX_NAMESPACE_CHARS) {
            // The profile name is the namespace of its managed keys when none is given.
            throw keyError(
                    node,
                    "a profile name may contain only letters, digits, '-' and '_' (at most "
                            + MAX_NAMESPACE_CHARS
                            + ")");
        }
        if (node.isNull()) {
            return new GuestProfile(name, null, null, limits, node.keyLine());
        }
        Map<String, ConfigNode> keys = node.mapping(GUEST_KEYS);
        String namespace = null;
        ConfigNode namespaceNode = keys.get("namespace");
        if (namespaceNode != null) {
            namespace = namespaceNode.string();
            if (!BACKEND_NAME.matcher(namespace).matches()
                    || namespace.length() > MAX_NAMESPACE_CHARS) {
                throw namespaceNode.error(
                        "a namespace may contain only letters, digits, '-' and '_', and must not"
                                + " be empty or longer than "
                                + MAX_NAMESPACE_CHARS);
            }
        }
        Set<String> allow = null;
        ConfigNode allowNode = keys.get("allow");
        if (allowNode != null) {
            allow = allowList(allowNode);
        }
        return new GuestProfile(name, namespace, allow, limits(keys, limits), node.keyLine());
    }

    private Set<String> allowList(ConfigNode node) {
        Set<String> allow = new LinkedHashSet<>();
        for (ConfigNode item : node.sequence()) {
            String name = item.string();
            String algorithm =
                    AlgorithmCatalog.canonical(name)
                            .orElseThrow(
                                    () ->
                                            item.error(
                                                    "unknown algorithm '"
                                                            + name
                                                            + "'; "
                                                            + ALGORITHM_NAMES));
            if (!allow.add(algorithm)) {
                throw item.error("algorithm " + algorithm + " is listed twice");
            }
        }
        return allow;
    }

    /** The backend named by {@code secrets-manager}, or null when the key is absent. */
    private static String secretsManager(ConfigNode node, List<BackendDefinition> backends) {
        if (node == null) {
            return null;
        }
        String name = node.string();
        if (backends.stream().noneMatch(backend -> backend.name().equals(name))) {
            throw node.error(
                    "no backend named '"
                            + name
                            + "' (defined: "
                            + String.join(
                                    ", ", backends.stream().map(BackendDefinition::name).toList())
                            + ")");
        }
        return name;
    }

    private void requireAllUsed(
            ConfigNode backendsNode,
            List<String> preference,
            Map<String, List<String>> routes,
            String secretsManager) {
        Set<String> routed = new HashSet<>(preference);
        routes.values().forEach(routed::addAll);
        if (secretsManager != null) {
            routed.add(secretsManager);
        }
        for (Map.Entry<String, ConfigNode> entry : backendsNode.entries().entrySet()) {
            if (!routed.contains(entry.getKey())) {
                ConfigNode node = entry.getValue();
                throw new ConfigException(
                        file,
                        node.keyLine(),
                        node.path(),
                        "backend is defined but not listed in routing.default, routing.algorithms"
                                + " or secrets-manager");
            }
        }
    }
}
