package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SmsCounterProperties {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    @Provide
    Arbitrary<String> gsmTexts() {
        return Arbitraries.strings().withChars((BASIC + EXTENSION).toCharArray()).ofMinLength(0).ofMaxLength(700);
    }

    @Provide
    Arbitrary<String> unicodeTexts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars(BASIC.toCharArray()).ofMaxLength(5),
                Arbitraries.strings().withCharRange('\u4e00', '\u4fff').ofMaxLength(5),
                Arbitraries.of("😀", "🎉", "𝄞", "ç", "ą", "ж"));
        return pieces.list().ofMinSize(1).ofMaxSize(80).map(l -> String.join("", l) + "點");
    }

    private static int expectedSeptets(String s) {
        int n = 0;
        for (char c : s.toCharArray()) {
            n += EXTENSION.indexOf(c) >= 0 ? 2 : 1;
        }
        return n;
    }

    @Property(tries = 1000)
    void gsmTextsAreCountedInSeptetsWithExtensionsCountingTwo(@ForAll("gsmTexts") String text) {
        SmsCount c = SmsCounter.count(text);
        assertThat(c.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(c.characters()).isEqualTo(expectedSeptets(text));
        checkParts(c, 160, 153);
    }

    @Property(tries = 1000)
    void anyNonGsmCharacterMakesTheTextUcs2CountedInUtf16Units(@ForAll("unicodeTexts") String text) {
        SmsCount c = SmsCounter.count(text);
        assertThat(c.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(c.characters()).isEqualTo(text.length());
        checkParts(c, 70, 67);
    }

    @Property(tries = 1000)
    void appendingTextNeverReducesTheParts(@ForAll("gsmTexts") String a, @ForAll("unicodeTexts") String b) {
        assertThat(SmsCounter.count(a + a).parts()).isGreaterThanOrEqualTo(SmsCounter.count(a).parts());
        assertThat(SmsCounter.count(b + a).parts()).isGreaterThanOrEqualTo(SmsCounter.count(b).parts());
        assertThat(SmsCounter.count(a + b).encoding()).isEqualTo(SmsEncoding.UCS_2);
    }

    /** One part up to the single limit; beyond it, at least ceil(n / perPart) and at most ceil(n / (perPart - 1)). */
    private static void checkParts(SmsCount c, int single, int perPart) {
        int n = c.characters();
        if (n == 0) {
            assertThat(c.parts()).isZero();
        } else if (n <= single) {
            assertThat(c.parts()).isEqualTo(1);
        } else {
            assertThat(c.parts()).isBetween(ceil(n, perPart), ceil(n, perPart - 1));
        }
    }

    private static int ceil(int n, int d) {
        return (n + d - 1) / d;
    }
}
