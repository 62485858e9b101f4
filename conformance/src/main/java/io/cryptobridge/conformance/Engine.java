package io.cryptobridge.conformance;

/** How Chicory executes a guest. */
public enum Engine {
    /** Compiles the module to JVM bytecode at load time: slower to start, much faster to run. */
    COMPILER,
    /** Interprets the module: starts fast; useful to rule out compiler bugs. */
    INTERPRETER
}
