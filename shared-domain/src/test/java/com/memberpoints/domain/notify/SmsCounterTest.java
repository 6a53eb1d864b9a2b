package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsCounterTest {

    @Test
    void plainEnglishUpTo160IsOneGsmPart() {
        assertThat(SmsCounter.count("a".repeat(160))).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 160, 1));
        assertThat(SmsCounter.count("a".repeat(161))).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 161, 2));
    }

    @Test
    void splitGsmTextUses153PerPart() {
        assertThat(SmsCounter.count("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsCounter.count("a".repeat(307)).parts()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwo() {
        assertThat(SmsCounter.count("€")).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 2, 1));
        assertThat(SmsCounter.count("^{}\\[~]|\f").characters()).isEqualTo(18);
        assertThat(SmsCounter.count("a".repeat(158) + "€")).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 160, 1));
        assertThat(SmsCounter.count("a".repeat(159) + "€")).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 161, 2));
    }

    @Test
    void anExtensionCharacterIsNotSplitAcrossParts() {
        // 152 basic + € (2) would straddle the 153 boundary, so € starts part 2: 152 | 2 + 151 | 1
        String text = "a".repeat(152) + "€" + "b".repeat(152);
        SmsCount c = SmsCounter.count(text);
        assertThat(c.characters()).isEqualTo(306);
        assertThat(c.parts()).isEqualTo(3); // naive ceil(306/153) would say 2
    }

    @Test
    void gsmBasicAccentsAndGreekStayGsm() {
        assertThat(SmsCounter.count("Café àèìòù ÄÖÑÜ ΔΦΓΛΩΠΨΣΘΞ @£$¥ ¡¿§").encoding()).isEqualTo(SmsEncoding.GSM_7);
    }

    @Test
    void chineseIsUcs2With70PerSinglePart() {
        assertThat(SmsCounter.count("點".repeat(70))).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 70, 1));
        assertThat(SmsCounter.count("點".repeat(71))).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 71, 2));
        assertThat(SmsCounter.count("點".repeat(134)).parts()).isEqualTo(2);
        assertThat(SmsCounter.count("點".repeat(135)).parts()).isEqualTo(3);
    }

    @Test
    void oneNonGsmCharacterMakesTheWholeTextUcs2() {
        SmsCount c = SmsCounter.count("a".repeat(100) + "ç"); // lower-case c-cedilla is not in the GSM table
        assertThat(c).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 101, 2));
    }

    @Test
    void emojiCountsTwoCodeUnitsAndIsNotSplit() {
        assertThat(SmsCounter.count("😀")).isEqualTo(new SmsCount(SmsEncoding.UCS_2, 2, 1));
        // 66 units + emoji: the pair cannot sit at units 67-68 of part 1
        String text = "點".repeat(66) + "😀" + "點".repeat(66);
        SmsCount c = SmsCounter.count(text);
        assertThat(c.characters()).isEqualTo(134);
        assertThat(c.parts()).isEqualTo(3); // naive ceil(134/67) would say 2
    }

    @Test
    void emptyTextHasNoParts() {
        assertThat(SmsCounter.count("")).isEqualTo(new SmsCount(SmsEncoding.GSM_7, 0, 0));
    }
}
