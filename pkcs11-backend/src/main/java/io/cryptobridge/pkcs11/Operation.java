package io.cryptobridge.pkcs11;

/** What the backend was doing when the token failed; decides how an error reaches the guest. */
enum Operation {
    OPEN_SESSION("opening a session"),
    GENERATE_KEY("generating a key"),
    IMPORT_KEY("importing a key"),
    EXPORT_KEY("exporting a key"),
    DESTROY_KEY("destroying a key"),
    DIGEST("hashing"),
    MAC("computing a MAC"),
    SEAL("encrypting"),
    OPEN("decrypting"),
    SIGN("signing"),
    DERIVE("deriving a shared secret"),
    FIND_OBJECTS("looking up stored objects"),
    STORE("storing a managed key or secret"),
    LOAD_KEY("loading a managed key");

    private final String description;

    Operation(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
