package com.memberpoints.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Issue 13 B1/B3: the one rule for member-visible texts, and the ledger using it. */
class MemberTextTest {
    static final String EMOJI = "\uD83C\uDF81"; // one character, two UTF-16 units

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        assertThat(MemberText.problem(EMOJI.repeat(200), 1, 200, false)).isEmpty();
        assertThat(MemberText.problem(EMOJI.repeat(201), 1, 200, false)).contains("must be at most 200 characters");
    }

    @Test
    void theLedgerAcceptsExactlyWhatTheRuleAccepts() {
        WalletRef wallet = WalletRef.points(MerchantId.of("shop-1"), MemberId.of("m-1"));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(LedgerCommand.manualAdd(wallet, "r-1", 5, Optional.empty(), EMOJI.repeat(150), Actor.staff("s-1"), at)
                .reason()).isEqualTo(EMOJI.repeat(150));
        assertThatThrownBy(() -> LedgerCommand.manualAdd(wallet, "r-1", 5, Optional.empty(), "a\u202Eb",
                Actor.staff("s-1"), at)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must not contain bidirectional override characters");
    }

    @Test
    void bidiControlsLoneSurrogatesAndControlCharactersAreRefused() {
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'}) {
            assertThat(MemberText.problem("a" + c + "b", 1, 200, true)).as("U+%04X", (int) c)
                    .contains("must not contain bidirectional override characters");
        }
        assertThat(MemberText.problem("a\uD800b", 1, 200, false)).contains("must not contain unpaired surrogate code units");
        assertThat(MemberText.problem("a\uDC00", 1, 200, false)).contains("must not contain unpaired surrogate code units");
        assertThat(MemberText.problem("\uD83C", 1, 200, false)).contains("must not contain unpaired surrogate code units");
        assertThat(MemberText.problem("a\u0007b", 1, 200, true)).contains("must not contain control characters");
        assertThat(MemberText.problem("a\nb", 1, 200, false)).contains("must not contain control characters");
        assertThat(MemberText.problem("a\nb\tc", 1, 200, true)).isEmpty();
        assertThat(MemberText.problem("\u200F\u200E marks are fine", 1, 200, false)).isEmpty();
    }

    @Property
    void anAcceptedTextIsWithinTheLimitInCharactersAndHasNoForbiddenCharacter(
            @ForAll @StringLength(max = 300) String text) {
        if (MemberText.problem(text, 0, 200, false).isEmpty()) {
            assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(200);
            assertThat(text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))).isTrue();
        }
    }
}
