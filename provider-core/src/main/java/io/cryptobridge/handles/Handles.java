package io.cryptobridge.handles;

import io.cryptobridge.asymmetric.KeyPair;
import io.cryptobridge.asymmetric.PublicKey;
import io.cryptobridge.asymmetric.SecretKey;
import io.cryptobridge.common.ArrayOutput;
import io.cryptobridge.common.Options;
import io.cryptobridge.secrets.SecretsManager;
import io.cryptobridge.signatures.Signature;
import io.cryptobridge.signatures.SignatureState;
import io.cryptobridge.signatures.VerificationState;
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
    public final HandleTable<KeyPair> keyPairs;
    public final HandleTable<PublicKey> publicKeys;
    public final HandleTable<SecretKey> secretKeys;
    public final HandleTable<SignatureState> signatureStates;
    public final HandleTable<Signature> signatures;
    public final HandleTable<VerificationState> verificationStates;
    public final HandleTable<SecretsManager> secretsManagers;

    public Handles(int maxHandles) {
        this.budget = new HandleBudget(maxHandles);
        this.arrayOutputs = new HandleTable<>(HandleType.ARRAY_OUTPUT, budget);
        this.options = new HandleTable<>(HandleType.OPTIONS, budget);
        this.symmetricKeys = new HandleTable<>(HandleType.SYMMETRIC_KEY, budget);
        this.symmetricStates = new HandleTable<>(HandleType.SYMMETRIC_STATE, budget);
        this.symmetricTags = new HandleTable<>(HandleType.SYMMETRIC_TAG, budget);
        this.keyPairs = new HandleTable<>(HandleType.KEYPAIR, budget);
        this.publicKeys = new HandleTable<>(HandleType.PUBLICKEY, budget);
        this.secretKeys = new HandleTable<>(HandleType.SECRETKEY, budget);
        this.signatureStates = new HandleTable<>(HandleType.SIGNATURE_STATE, budget);
        this.signatures = new HandleTable<>(HandleType.SIGNATURE, budget);
        this.verificationStates =
                new HandleTable<>(HandleType.SIGNATURE_VERIFICATION_STATE, budget);
        this.secretsManagers = new HandleTable<>(HandleType.SECRETS_MANAGER, budget);
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
        for (KeyPair keyPair : keyPairs.values()) {
            keyPair.destroy();
        }
        for (SecretKey secretKey : secretKeys.values()) {
            secretKey.destroy();
        }
        for (HandleTable<?> table :
                List.of(
                        arrayOutputs,
                        options,
                        symmetricKeys,
                        symmetricStates,
                        symmetricTags,
                        keyPairs,
                        publicKeys,
                        secretKeys,
                        signatureStates,
                        signatures,
                        verificationStates,
                        secretsManagers)) {
            table.clear();
        }
    }
}
