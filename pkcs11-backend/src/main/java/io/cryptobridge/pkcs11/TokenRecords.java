package io.cryptobridge.pkcs11;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.PKCS11Constants;

/**
 * The records of managed entries: private token data objects ({@code CKO_DATA}) with {@code
 * CKA_APPLICATION} = {@code cryptobridge/<ns>/<id>}, the state in the label ({@link ManagedName})
 * and an {@link EntryRecord} as value. Every call is one unit of work on a pooled session.
 */
final class TokenRecords {
    private final SessionPool pool;

    TokenRecords(SessionPool pool) {
        this.pool = pool;
    }

    /** Creates a record of {@code name} in {@code state}; returns its handle. */
    long create(ManagedName name, RecordState state, EntryRecord record) {
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_DATA),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_PRIVATE, true),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_MODIFIABLE, true),
            new CK_ATTRIBUTE(
                    PKCS11Constants.CKA_APPLICATION, ManagedName.chars(name.application())),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_LABEL, ManagedName.chars(name.recordLabel(state))),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_VALUE, record.encode())
        };
        return pool.run(Operation.STORE, (p11, session) -> p11.C_CreateObject(session, template));
    }

    /** Moves a record to {@code state} (its label). */
    void setState(long record, ManagedName name, RecordState state) {
        CK_ATTRIBUTE[] label = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_LABEL, ManagedName.chars(name.recordLabel(state)))
        };
        pool.run(
                Operation.STORE,
                (p11, session) -> {
                    p11.C_SetAttributeValue(session, record, label);
                    return null;
                });
    }

    void destroy(long record) {
        pool.run(
                Operation.DESTROY_KEY,
                (p11, session) -> {
                    ObjectSearch.destroy(p11, session, record);
                    return null;
                });
    }

    /** Every record of (namespace, id), any version, any state. */
    List<Found> ofId(String namespace, String id) {
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_DATA),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true),
            new CK_ATTRIBUTE(
                    PKCS11Constants.CKA_APPLICATION,
                    ManagedName.chars(ManagedName.application(namespace, id)))
        };
        return pool.run(
                Operation.FIND_OBJECTS,
                (p11, session) -> {
                    List<Found> found = new ArrayList<>();
                    for (long handle : ObjectSearch.find(p11, session, template)) {
                        CK_ATTRIBUTE[] label =
                                ObjectSearch.read(p11, session, handle, PKCS11Constants.CKA_LABEL);
                        if (label != null) {
                            ManagedName.parseRecordLabel(ManagedName.text(label[0].pValue))
                                    .filter(l -> l.name().namespace().equals(namespace))
                                    .filter(l -> l.name().id().equals(id))
                                    .ifPresent(l -> found.add(new Found(handle, l, null)));
                        }
                    }
                    return found;
                });
    }

    /** The live record of {@code name} with its value, or empty. */
    Optional<Found> live(ManagedName name) {
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_DATA),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true),
            new CK_ATTRIBUTE(
                    PKCS11Constants.CKA_APPLICATION, ManagedName.chars(name.application())),
            new CK_ATTRIBUTE(
                    PKCS11Constants.CKA_LABEL,
                    ManagedName.chars(name.recordLabel(RecordState.LIVE)))
        };
        return pool.run(
                Operation.FIND_OBJECTS,
                (p11, session) -> {
                    for (long handle : ObjectSearch.find(p11, session, template)) {
                        CK_ATTRIBUTE[] value =
                                ObjectSearch.read(p11, session, handle, PKCS11Constants.CKA_VALUE);
                        if (value != null) {
                            return Optional.of(
                                    new Found(
                                            handle,
                                            new ManagedName.Labelled(name, RecordState.LIVE),
                                            EntryRecord.decode(value[0].getByteArray())));
                        }
                    }
                    return Optional.<Found>empty();
                });
    }

    /** Every live record on the token (all namespaces), with values: for operators' lists. */
    List<Found> allLive() {
        CK_ATTRIBUTE[] template = {
            new CK_ATTRIBUTE(PKCS11Constants.CKA_CLASS, PKCS11Constants.CKO_DATA),
            new CK_ATTRIBUTE(PKCS11Constants.CKA_TOKEN, true)
        };
        return pool.run(
                Operation.FIND_OBJECTS,
                (p11, session) -> {
                    List<Found> found = new ArrayList<>();
                    for (long handle : ObjectSearch.find(p11, session, template)) {
                        CK_ATTRIBUTE[] names =
                                ObjectSearch.read(
                                        p11,
                                        session,
                                        handle,
                                        PKCS11Constants.CKA_APPLICATION,
                                        PKCS11Constants.CKA_LABEL);
                        if (names == null
                                || !ManagedName.text(names[0].pValue)
                                        .startsWith(ManagedName.PREFIX)) {
                            continue;
                        }
                        Optional<ManagedName.Labelled> label =
                                ManagedName.parseRecordLabel(ManagedName.text(names[1].pValue))
                                        .filter(l -> l.state() == RecordState.LIVE);
                        if (label.isEmpty()) {
                            continue;
                        }
                        CK_ATTRIBUTE[] value =
                                ObjectSearch.read(p11, session, handle, PKCS11Constants.CKA_VALUE);
                        if (value != null) {
                            try {
                                found.add(
                                        new Found(
                                                handle,
                                                label.get(),
                                                EntryRecord.decode(value[0].getByteArray())));
                            } catch (IllegalArgumentException e) {
                                // Not written by this store (a foreign object under our prefix).
                            }
                        }
                    }
                    return found;
                });
    }

    /**
     * A record seen on the token.
     *
     * @param record its value, when the search read it
     */
    record Found(long handle, ManagedName.Labelled label, EntryRecord record) {}
}
