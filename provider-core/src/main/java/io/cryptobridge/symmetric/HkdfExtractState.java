package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.common.Options;
import io.cryptobridge.spi.BackendKey;
import java.io.ByteArrayOutputStream;

/**
 * HKDF-EXTRACT: the key is the input keying material, absorbed data is the salt, and {@code
 * squeeze_key} yields the PRK as a key for the matching HKDF-EXPAND.
 */
final class HkdfExtractState extends SymmetricState {
    private final SymmetricKey inputKeyMaterial;
    private final ByteArrayOutputStream salt;

    HkdfExtractState(
            SymmetricAlgorithm algorithm,
            Options options,
            SymmetricKey inputKeyMaterial,
            ByteArrayOutputStream salt) {
        super(algorithm, options);
        this.inputKeyMaterial = inputKeyMaterial;
        this.salt = salt;
    }

    @Override
    public SymmetricState copy() {
        ByteArrayOutputStream saltCopy = new ByteArrayOutputStream();
        saltCopy.writeBytes(salt.toByteArray());
        return new HkdfExtractState(algorithm, options.snapshot(), inputKeyMaterial, saltCopy);
    }

    @Override
    public void absorb(byte[] data) {
        salt.writeBytes(data);
    }

    @Override
    public SymmetricKey squeezeKey(SymmetricAlgorithm target) {
        if (target != algorithm.expandAlgorithm()) {
            throw new CryptoException(
                    CryptoErrno.INVALID_OPERATION,
                    algorithm + " derives keys for " + algorithm.expandAlgorithm() + " only");
        }
        BackendKey prk =
                inputKeyMaterial
                        .backend()
                        .hkdfExtract(
                                algorithm,
                                inputKeyMaterial.materialFor(algorithm),
                                salt.toByteArray());
        return new SymmetricKey(target, inputKeyMaterial.backend(), prk);
    }
}
