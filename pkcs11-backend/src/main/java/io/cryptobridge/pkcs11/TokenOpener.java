package io.cryptobridge.pkcs11;

import io.cryptobridge.config.SecretRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_TOKEN_INFO;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Constants;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Start-up: loads the library, finds the token, checks the PIN with a first login. Every failure
 * becomes one {@link Pkcs11SetupException} that names the problem (never the PIN).
 */
final class TokenOpener {
    private final String backendName;
    private final Pkcs11Settings settings;

    TokenOpener(String backendName, Pkcs11Settings settings) {
        this.backendName = backendName;
        this.settings = settings;
    }

    /** The canonical library path: the one string both the wrapper and SunPKCS11 are given. */
    String canonicalLibrary() {
        Path library = settings.library();
        if (!Files.isRegularFile(library)) {
            throw problem("library " + library + " does not exist");
        }
        try {
            return library.toRealPath().toString();
        } catch (IOException e) {
            throw problem("library " + library + " cannot be read");
        }
    }

    PKCS11 load(String canonicalLibrary) {
        try {
            return Cryptoki.load(canonicalLibrary);
        } catch (IOException e) {
            throw problem("library " + canonicalLibrary + " cannot be loaded: " + e.getMessage());
        } catch (PKCS11Exception e) {
            throw problem(
                    "library "
                            + canonicalLibrary
                            + " failed to initialize ("
                            + Ckr.name(Cryptoki.errorCode(e))
                            + ")");
        }
    }

    /** The slot whose token matches the configured URI; lists the tokens present otherwise. */
    long findSlot(PKCS11 p11) {
        List<String> present = new ArrayList<>();
        try {
            for (long slot : p11.C_GetSlotList(true)) {
                CK_TOKEN_INFO info = p11.C_GetTokenInfo(slot);
                if ((info.flags & PKCS11Constants.CKF_TOKEN_INITIALIZED) == 0) {
                    continue; // a free slot (SoftHSM always shows one), not a usable token
                }
                String label = Cryptoki.text(info.label);
                if (settings.token()
                        .matches(
                                slot,
                                label,
                                Cryptoki.text(info.manufacturerID),
                                Cryptoki.text(info.serialNumber),
                                Cryptoki.text(info.model))) {
                    return slot;
                }
                present.add("'" + label + "'");
            }
        } catch (PKCS11Exception e) {
            throw problem("cannot list the tokens (" + Ckr.name(Cryptoki.errorCode(e)) + ")");
        }
        throw problem(
                "no token matches "
                        + settings.token()
                        + (present.isEmpty()
                                ? "; the library shows no token"
                                : "; tokens present: " + String.join(", ", present)));
    }

    Pkcs11Token.TokenDescription describe(PKCS11 p11, long slot) {
        try {
            return Pkcs11Token.TokenDescription.of(p11.C_GetTokenInfo(slot));
        } catch (PKCS11Exception e) {
            throw problem(
                    "cannot read the token information (" + Ckr.name(Cryptoki.errorCode(e)) + ")");
        }
    }

    /** Opens and logs in a first session, turning PIN problems into clear messages. */
    long firstSession(Pkcs11Token token) {
        SecretRef pin = settings.pin();
        String label = "'" + token.description().label() + "'";
        if (pin == null && token.description().loginRequired()) {
            throw problem(
                    "token " + label + " requires a login; set pin: {env: VAR} or {file: PATH}");
        }
        try {
            return token.openSession();
        } catch (SecretRef.SecretUnavailableException e) {
            throw problem("cannot read the PIN: " + e.getMessage());
        } catch (PKCS11Exception e) {
            long code = Cryptoki.errorCode(e);
            if (code == Ckr.PIN_INCORRECT || code == Ckr.PIN_INVALID || code == Ckr.PIN_LEN_RANGE) {
                throw problem(
                        "token "
                                + label
                                + " rejected the PIN from "
                                + pin.describe()
                                + " ("
                                + Ckr.name(code)
                                + ")");
            }
            if (code == Ckr.PIN_LOCKED || code == Ckr.PIN_EXPIRED) {
                throw problem(
                        "the user PIN of token "
                                + label
                                + " is "
                                + (code == Ckr.PIN_LOCKED ? "locked" : "expired")
                                + " ("
                                + Ckr.name(code)
                                + ")");
            }
            throw problem("cannot log in to token " + label + " (" + Ckr.name(code) + ")");
        }
    }

    CapabilityTable probe(PKCS11 p11, long slot) {
        try {
            return CapabilityTable.probe(p11, slot);
        } catch (PKCS11Exception e) {
            throw problem(
                    "cannot list the token's mechanisms (" + Ckr.name(Cryptoki.errorCode(e)) + ")");
        }
    }

    private Pkcs11SetupException problem(String message) {
        return Pkcs11Settings.problem(backendName, message);
    }
}
