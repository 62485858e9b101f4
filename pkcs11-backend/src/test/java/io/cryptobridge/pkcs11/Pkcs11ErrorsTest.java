package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cryptobridge.CryptoErrno;
import io.cryptobridge.CryptoException;
import org.junit.jupiter.api.Test;
import sun.security.pkcs11.wrapper.PKCS11Exception;

class Pkcs11ErrorsTest {
    private final Pkcs11Errors softHsm = new Pkcs11Errors("hsm", VendorQuirks.SOFTHSM);
    private final Pkcs11Errors standard = new Pkcs11Errors("hsm", VendorQuirks.STANDARD);

    @Test
    void errno_generalErrorWhileDecryptingOnSoftHsm_isInvalidTag() {
        assertEquals(CryptoErrno.INVALID_TAG, softHsm.errno(Operation.OPEN, Ckr.GENERAL_ERROR));
    }

    @Test
    void errno_generalErrorWhileDecryptingElsewhere_isAlgorithmFailure() {
        assertEquals(
                CryptoErrno.ALGORITHM_FAILURE, standard.errno(Operation.OPEN, Ckr.GENERAL_ERROR));
        assertEquals(
                CryptoErrno.INVALID_TAG, standard.errno(Operation.OPEN, Ckr.AEAD_DECRYPT_FAILED));
    }

    @Test
    void errno_sensitiveAttribute_isProhibitedOperation() {
        assertEquals(
                CryptoErrno.PROHIBITED_OPERATION,
                softHsm.errno(Operation.EXPORT_KEY, Ckr.ATTRIBUTE_SENSITIVE));
    }

    @Test
    void errno_objectGone_isInvalidKey() {
        assertEquals(
                CryptoErrno.INVALID_KEY, softHsm.errno(Operation.SEAL, Ckr.OBJECT_HANDLE_INVALID));
    }

    @Test
    void toCryptoException_message_namesOperationAndCode() {
        CryptoException e =
                softHsm.toCryptoException(
                        Operation.MAC, new PKCS11Exception(Ckr.DEVICE_MEMORY, null));

        assertEquals(CryptoErrno.ALGORITHM_FAILURE, e.errno());
        assertEquals(
                "PKCS#11 backend 'hsm' failed computing a MAC: CKR_DEVICE_MEMORY", e.getMessage());
    }

    @Test
    void name_unknownCode_isHex() {
        assertEquals("CKR_0x8000ABCD", Ckr.name(0x8000ABCDL));
    }
}
