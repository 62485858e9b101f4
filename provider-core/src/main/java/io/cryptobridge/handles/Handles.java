package io.cryptobridge.handles;

import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.common.Options;
import io.cryptobridge.symmetric.SymmetricKey;
import io.cryptobridge.symmetric.SymmetricState;
import io.cryptobridge.symmetric.SymmetricTag;
import java.util.List;

/** All handle tables of one guest session, sharing one limit on live handles. */
public final class Handles {
    private final HandleBudget budget;
    public final HandleTable<ArrayOutput> arrayOutputs;
    public final HandleTable<Options> options;
    public final HandleTable<SymmetricKey> symmetricKeys;
    public final HandleTable<SymmetricState> symmetricStates;
    public final HandleTable<SymmetricTag> symmetricTags;

    public Handles(int maxHandles) {
        this.budget = new HandleBudget(maxHandles);
        this.arrayOutputs = new HandleTable<>(HandleType.ARRAY_OUTPUT, budget);
        this.options = new HandleTable<>(HandleType.OPTIONS, budget);
        this.symmetricKeys = new HandleTable<>(HandleType.SYMMETRIC_KEY, budget);
        this.symmetricStates = new HandleTable<>(HandleType.SYMMETRIC_STATE, budget);
        this.symmetricTags = new HandleTable<>(HandleType.SYMMETRIC_TAG, budget);
    }

    /** Live handles of every type together. */
    public int liveCount() {
        return budget.used();
    }

    /** Closes everything: keys are destroyed, tables emptied. */
    public void clear() {
        for (SymmetricKey key : symmetricKeys.values()) {
            key.destroy();
        }
        for (HandleTable<?> table :
                List.of(arrayOutputs, options, symmetricKeys, symmetricStates, symmetricTags)) {
            table.clear();
        }
    }
}
