package io.cryptobridge.symmetric;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import io.cryptobridge.common.Options;
import java.io.ByteArrayOutputStream;

/** HKDF-EXPAND: the key is the PRK, absorbed data is the info, squeeze yields the output. */
final class HkdfExpandState extends SymmetricState {
    private final SymmetricKey prk;
    private final ByteArrayOutputStream info;

    HkdfExpandState(
            SymmetricAlgorithm algorithm,
            Options options,
            SymmetricKey prk,
            ByteArrayOutputStream info) {
        super(algorithm, options);
        this.prk = prk;
        this.info = info;
    }

    @Override
    public SymmetricState copy() {
        ByteArrayOutputStream infoCopy = new ByteArrayOutputStream();
        infoCopy.writeBytes(info.toByteArray());
        return new HkdfExpandState(algorithm, options.snapshot(), prk, infoCopy);
    }

    @Override
    public void absorb(byte[] data) {
        info.writeBytes(data);
    }

    @Override
    public byte[] squeeze(int length) {
        if (length > algorithm.maxExpandLength()) {
            throw new CryptoException(
                    CryptoErrno.INVALID_LENGTH,
                    algorithm + " yields at most " + algorithm.maxExpandLength() + " bytes");
        }
        return prk.backend()
                .hkdfExpand(algorithm, prk.materialFor(algorithm), info.toByteArray(), length);
    }
}
