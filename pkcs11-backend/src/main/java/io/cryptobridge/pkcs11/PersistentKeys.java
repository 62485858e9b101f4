package io.cryptobridge.pkcs11;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.ArrayList;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11Constants;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * The key objects of managed entries. A key is first made as a session object the usual way
 * (generated on the token, or imported by the backend's own import code), then {@code C_CopyObject}
 * makes the persistent copy: {@code CKA_TOKEN=true}, private, {@code CKA_ID} and {@code CKA_LABEL}
 * from its {@link ManagedName}, sensitive and non-extractable unless {@code
 * managed-keys-extractable: true}. Loading copies it back into a session object of the {@link
 * KeyOwnerSession}, so it is wrapped and owned like every other key, and destroying the token
 * object (invalidation) never breaks a loaded key.
 */
final class PersistentKeys {
    private final SessionPool pool;
    private final KeyOwnerSession owner;
    private final boolean extractable;

    /**
     * @param extractable {@code managed-keys-extractable}: keep the copies' extractability as the
     *     source had it; otherwise make them sensitive and non-extractable (a one-way change that
     *     every token allows on copy)
     */
    PersistentKeys(SessionPool pool, KeyOwnerSession owner, boolean extractable) {
        this.pool = pool;
        this.owner = owner;
        this.extractable = extractable;
    }

    /** The persistent copy of a session key object; returns the copy's handle. */
    long persist(long sessionObject, ManagedName name) {
        List<CK_ATTRIBUTE> template = new ArrayList<>();
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true));
        template.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_ID, name.objectId()));
        template.add(
                new CK_ATTRIBUTE(PKCS11Constants.CKA_LABEL, ManagedName.chars(name.keyLabel())));
        return pool.run(
                Operation.STORE,
                (p11, session) -> {
                    List<CK_ATTRIBUTE> attributes = new ArrayList<>(template);
                    if (!extractable) {
                        // Only a change may be asked for: SoftHSM answers CKR_ATTRIBUTE_READ_ONLY
                        // to CKA_SENSITIVE=true on a key that is sensitive already (measured).
                        CK_ATTRIBUTE[] now =
                                ObjectSearch.read(
                                        p11,
                                        session,
                                        sessionObject,
                                        PKCS11Constants.CKA_SENSITIVE,
                                        PKCS11Constants.CKA_EXTRACTABLE);
                        if (now != null && !now[0].getBoolean()) {
                            attributes.add(new CK_ATTRIBUTE(PKCS11Constants.CKA_SENSITIVE, true));
                        }
                        if (now != null && now[1].getBoolean()) {
                            attributes.add(
                                    new CK_ATTRIBUTE(PKCS11Constants.CKA_EXTRACTABLE, false));
                        }
                    }
                    return p11.C_CopyObject(
                            session, sessionObject, attributes.toArray(new CK_ATTRIBUTE[0]));
                });
    }

    /** Destroys one key object (a failed create cleans up after itself). */
    void destroy(long tokenObject) {
        pool.run(
                Operation.DESTROY_KEY,
                (p11, session) -> {
                    ObjectSearch.destroy(p11, session, tokenObject);
                    return null;
                });
    }

    /** Destroys every key object of {@code name} on the token; returns how many there were. */
    int destroyAll(ManagedName name) {
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_ID, name.objectId())
        };
        return pool.run(
                Operation.DESTROY_KEY,
                (p11, session) -> {
                    long[] found = ObjectSearch.find(p11, session, template);
                    for (long object : found) {
                        ObjectSearch.destroy(p11, session, object);
                    }
                    return found.length;
                });
    }

    /**
     * A session copy of {@code name}'s key object of class {@code keyClass}, owned by the key-owner
     * session; not_found if the token has none (invalidated meanwhile).
     */
    Loaded load(ManagedName name, long keyClass) {
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, keyClass),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_ID, name.objectId())
        };
        long[] found =
                pool.run(
                        Operation.FIND_OBJECTS,
                        (p11, session) -> ObjectSearch.find(p11, session, template));
        if (found.length == 0) {
            throw notFound(name);
        }
        CK_ATTRIBUTE[] toSession = {new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, false)};
        KeyOwnerSession.Owned<Loaded> copied =
                owner.call(
                        Operation.LOAD_KEY,
                        (p11, session) -> {
                            long copy;
                            try {
                                copy = p11.C_CopyObject(session, found[0], toSession);
                            } catch (PKCS11Exception e) {
                                if (ObjectSearch.gone(e)) {
                                    return null; // destroyed by an invalidation meanwhile
                                }
                                throw e;
                            }
                            CK_ATTRIBUTE[] read =
                                    ObjectSearch.read(
                                            p11, session, copy, PKCS11Constants.CKA_EXTRACTABLE);
                            return new Loaded(copy, read != null && read[0].getBoolean(), 0);
                        });
        if (copied.value() == null) {
            throw notFound(name);
        }
        return new Loaded(copied.value().handle(), copied.value().extractable(), copied.epoch());
    }

    private static CryptoException notFound(ManagedName name) {
        return new CryptoException(
                CryptoErrno.NOT_FOUND, "no key object for " + name.keyLabel() + " on the token");
    }

    /** A loaded session copy: its handle, whether the token lets it be exported, its epoch. */
    record Loaded(long handle, boolean extractable, int epoch) {
        KeyOwnerSession.Created created() {
            return new KeyOwnerSession.Created(handle, epoch);
        }

        KeyOwnerSession.Owned<Long> owned() {
            return new KeyOwnerSession.Owned<>(handle, epoch);
        }
    }
}
