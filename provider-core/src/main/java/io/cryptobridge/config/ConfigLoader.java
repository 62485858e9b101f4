package io.cryptobridge.config;

import io.cryptobridge.SessionLimits;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * ConfigException}. Each section has its own method; later sections (per-algorithm routes, guests,
 * the secrets manager) are added as further keys and methods here.
 */
final class ConfigLoader {
    /** The name the default software backend gets when the file defines no backends. */
    static final String DEFAULT_BACKEND = "software";

    private static final List<String> SECTIONS = List.of("backends", "routing", "limits");
    private static final Pattern BACKEND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final int MAX_FILE_CHARS = 1 << 20;

    private final Path file;

    ConfigLoader(Path file) {
        this.file = file;
    }

    CryptoConfig load() {
        Node root = parse(read());
        if (root == null) {
            return defaults(SessionLimits.DEFAULT);
        }
        Map<String, ConfigNode> sections = new ConfigNode(file, "", root).mapping(SECTIONS);
        SessionLimits limits = limits(section(sections, "limits"));
        ConfigNode backendsNode = section(sections, "backends");
        ConfigNode routingNode = section(sections, "routing");
        if (backendsNode == null) {
            CryptoConfig defaults = defaults(limits);
            if (routingNode != null) {
                preference(routingNode, defaults.backends());
            }
            return defaults;
        }
        List<BackendDefinition> backends = backends(backendsNode);
        List<String> preference =
                routingNode == null
                        ? backends.stream().map(BackendDefinition::name).toList()
                        : preference(routingNode, backends);
        requireAllRouted(backendsNode, preference);
        return new CryptoConfig(file, backends, preference, limits);
    }

    private CryptoConfig defaults(SessionLimits limits) {
        BackendDefinition software =
                new BackendDefinition(DEFAULT_BACKEND, "software", Map.of(), 0);
        return new CryptoConfig(file, List.of(software), List.of(DEFAULT_BACKEND), limits);
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
        SessionLimits defaults = SessionLimits.DEFAULT;
        if (node == null) {
            return defaults;
        }
        Map<String, ConfigNode> keys = node.mapping(List.of("max-handles", "max-buffered-bytes"));
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

    private List<String> preference(ConfigNode node, List<BackendDefinition> backends) {
        Map<String, ConfigNode> keys = node.mapping(List.of("default"));
        ConfigNode defaultNode = keys.get("default");
        if (defaultNode == null) {
            throw node.error("missing required key 'default'");
        }
        List<String> names = backends.stream().map(BackendDefinition::name).toList();
        List<ConfigNode> items = defaultNode.sequence();
        if (items.isEmpty()) {
            throw defaultNode.error("expected at least one backend name");
        }
        List<String> preference = new ArrayList<>();
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
            preference.add(name);
        }
        return preference;
    }

    private void requireAllRouted(ConfigNode backendsNode, List<String> preference) {
        for (Map.Entry<String, ConfigNode> entry : backendsNode.entries().entrySet()) {
            if (!preference.contains(entry.getKey())) {
                ConfigNode node = entry.getValue();
                throw new ConfigException(
                        file,
                        node.keyLine(),
                        node.path(),
                        "backend is defined but not listed in routing.default");
            }
        }
    }
}
