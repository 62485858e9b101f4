package io.cryptobridge.handles;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import java.util.HashMap;
import java.util.Map;

/**
 * The handles of one type in one guest session. A handle is {@code tag << 24 | counter}; the
 * counter only grows, so a handle is never reused until the 24-bit counter wraps. Closing a handle
 * twice gives {@code closed}; using a closed, unknown or wrong-type handle gives {@code
 * invalid_handle}.
 */
public final class HandleTable<T> {
    private static final int COUNTER_BITS = 24;
    private static final int COUNTER_MASK = (1 << COUNTER_BITS) - 1;

    private final HandleType type;
    private final HandleBudget budget;
    private final Map<Integer, T> live = new HashMap<>();
    private int nextCounter = 1;
    private boolean wrapped;

    HandleTable(HandleType type, HandleBudget budget) {
        this.type = type;
        this.budget = budget;
    }

    public HandleType type() {
        return type;
    }

    /** Registers an object and returns its new handle; too_many_handles past the session limit. */
    public int register(T object) {
        budget.reserve();
        int handle = nextFreeHandle();
        live.put(handle, object);
        return handle;
    }

    /**
     * Fails with too_many_handles unless one more handle fits. Call it before work whose result
     * gets a handle, so that hitting the limit has no side effects: no key left behind undestroyed,
     * no nonce spent, no output written.
     */
    public void requireRoom() {
        requireRoom(1);
    }

    /** Like {@link #requireRoom()}, for work whose results get {@code count} handles. */
    public void requireRoom(int count) {
        budget.requireRoom(count);
    }

    private int nextFreeHandle() {
        while (true) {
            int handle = (type.tag() << COUNTER_BITS) | nextCounter;
            nextCounter++;
            if (nextCounter > COUNTER_MASK) {
                nextCounter = 1;
                wrapped = true;
            }
            if (!live.containsKey(handle)) {
                return handle;
            }
        }
    }

    /** The object behind a live handle of this type; invalid_handle otherwise. */
    public T get(int handle) {
        T object = live.get(handle);
        if (object == null) {
            throw new CryptoException(
                    CryptoErrno.INVALID_HANDLE,
                    "not a live " + type.name().toLowerCase(java.util.Locale.ROOT) + " handle");
        }
        return object;
    }

    /**
     * Puts {@code object} behind a live handle (a key that became managed) and returns the object
     * it replaces; invalid_handle if the handle is not live.
     */
    public T replace(int handle, T object) {
        T previous = get(handle);
        live.put(handle, object);
        return previous;
    }

    /**
     * Removes a handle and returns its object. A handle of this type that was issued and is gone
     * already gives {@code closed}; a handle never issued or of another type, {@code
     * invalid_handle}.
     */
    public T remove(int handle) {
        T object = live.remove(handle);
        if (object != null) {
            budget.release(1);
            return object;
        }
        if (wasIssued(handle)) {
            throw new CryptoException(CryptoErrno.CLOSED, "handle already closed");
        }
        throw new CryptoException(CryptoErrno.INVALID_HANDLE, "not a handle of this type");
    }

    private boolean wasIssued(int handle) {
        if ((handle >>> COUNTER_BITS) != type.tag()) {
            return false;
        }
        int counter = handle & COUNTER_MASK;
        return counter != 0 && (wrapped || counter < nextCounter);
    }

    /** Number of live handles in this table. */
    public int size() {
        return live.size();
    }

    /** Removes every handle, e.g. when the guest session ends. */
    void clear() {
        budget.release(live.size());
        live.clear();
    }

    /** The objects behind all live handles, for cleanup. */
    Iterable<T> values() {
        return live.values();
    }
}
