package io.cryptobridge.handles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import org.junit.jupiter.api.Test;

class HandleTableTest {

    private static CryptoErrno errnoOf(Runnable r) {
        return assertThrows(CryptoException.class, r::run).errno();
    }

    @Test
    void register_carriesTypeTagInHighByte() {
        HandleTable<String> table =
                new HandleTable<>(HandleType.SYMMETRIC_KEY, new HandleBudget(10));
        int handle = table.register("k");
        assertEquals(0x09, handle >>> 24);
        assertEquals("k", table.get(handle));
    }

    @Test
    void register_afterClose_neverReusesHandle() {
        HandleTable<String> table = new HandleTable<>(HandleType.OPTIONS, new HandleBudget(10));
        int first = table.register("a");
        table.remove(first);
        int second = table.register("b");
        assertNotEquals(first, second);
        assertEquals(CryptoErrno.INVALID_HANDLE, errnoOf(() -> table.get(first)));
    }

    @Test
    void remove_twice_failsClosed() {
        HandleTable<String> table = new HandleTable<>(HandleType.OPTIONS, new HandleBudget(10));
        int handle = table.register("a");
        table.remove(handle);
        assertEquals(CryptoErrno.CLOSED, errnoOf(() -> table.remove(handle)));
    }

    @Test
    void remove_neverIssuedOrWrongType_failsInvalidHandle() {
        HandleBudget budget = new HandleBudget(10);
        HandleTable<String> options = new HandleTable<>(HandleType.OPTIONS, budget);
        HandleTable<String> keys = new HandleTable<>(HandleType.SYMMETRIC_KEY, budget);
        int key = keys.register("k");
        assertEquals(CryptoErrno.INVALID_HANDLE, errnoOf(() -> options.remove(key)));
        assertEquals(CryptoErrno.INVALID_HANDLE, errnoOf(() -> options.remove(0x01000099)));
        assertEquals(CryptoErrno.INVALID_HANDLE, errnoOf(() -> options.get(key)));
    }

    @Test
    void register_pastBudgetAcrossTables_failsTooManyHandles() {
        HandleBudget budget = new HandleBudget(2);
        HandleTable<String> a = new HandleTable<>(HandleType.OPTIONS, budget);
        HandleTable<String> b = new HandleTable<>(HandleType.SYMMETRIC_TAG, budget);
        a.register("1");
        int h = b.register("2");
        assertEquals(CryptoErrno.TOO_MANY_HANDLES, errnoOf(() -> a.register("3")));
        b.remove(h);
        a.register("3");
        assertEquals(2, budget.used());
    }

    @Test
    void requireRoom_sharedBudgetFull_failsTooManyHandlesUntilOneIsRemoved() {
        HandleBudget budget = new HandleBudget(2);
        HandleTable<String> keys = new HandleTable<>(HandleType.SYMMETRIC_KEY, budget);
        HandleTable<String> tags = new HandleTable<>(HandleType.SYMMETRIC_TAG, budget);
        int key = keys.register("k");
        tags.requireRoom();
        tags.register("t");

        assertEquals(CryptoErrno.TOO_MANY_HANDLES, errnoOf(tags::requireRoom));
        assertEquals(CryptoErrno.TOO_MANY_HANDLES, errnoOf(keys::requireRoom));
        keys.remove(key);
        tags.requireRoom();
    }
}
