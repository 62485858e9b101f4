package io.cryptobridge.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenUriTest {
    @Test
    void parse_percentEncodedLabel_decodesUtf8() {
        TokenUri uri = TokenUri.parse("pkcs11:token=prod%20keys%20%C3%A9;serial=42");

        assertEquals(Optional.of("prod keys é"), uri.attribute("token"));
        assertEquals(Optional.of("42"), uri.attribute("serial"));
    }

    @Test
    void matches_everyGivenAttribute_mustAgree() {
        TokenUri uri = TokenUri.parse("pkcs11:token=a;manufacturer=SoftHSM%20project");

        assertTrue(uri.matches(7, "a", "SoftHSM project", "s", "m"));
        assertFalse(uri.matches(7, "a", "Other", "s", "m"));
        assertFalse(uri.matches(7, "b", "SoftHSM project", "s", "m"));
    }

    @Test
    void ofSlot_unsignedSlotId_matchesOnlyThatSlot() {
        TokenUri uri = TokenUri.ofSlot(389238907L);

        assertTrue(uri.matches(389238907L, "any", "", "", ""));
        assertFalse(uri.matches(1L, "any", "", "", ""));
    }

    @Test
    void parse_pinValueQuery_isRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TokenUri.parse("pkcs11:token=a?pin-value=1234"));

        assertFalse(e.getMessage().contains("1234"));
    }

    @Test
    void parse_objectAttribute_saysItDoesNotSelectAToken() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> TokenUri.parse("pkcs11:object=k1"));

        assertEquals(
                "'object' in the token URI does not select a token; use manufacturer, model,"
                        + " serial, slot-id, token",
                e.getMessage());
    }

    @Test
    void parse_brokenEscape_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenUri.parse("pkcs11:token=a%2"));
        assertThrows(IllegalArgumentException.class, () -> TokenUri.parse("pkcs11:token=a%zz"));
        assertThrows(IllegalArgumentException.class, () -> TokenUri.parse("pkcs11:token=%ff"));
    }

    @Test
    void parse_notAPkcs11Uri_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenUri.parse("token=a"));
        assertThrows(IllegalArgumentException.class, () -> TokenUri.parse("pkcs11:"));
    }
}
