package com.memberpoints.domain.notify;

/**
 * Counts SMS parts. A text made only of GSM 03.38 default-alphabet characters is GSM-7, where the
 * extension characters (form feed, {@code ^ { } \ [ ~ ] |} and €) take two septets (escape + code); any
 * other character makes the whole text UCS-2, counted in UTF-16 code units (a character outside the BMP,
 * such as most emoji, is a surrogate pair and counts 2).
 *
 * <p>One part holds 160 septets (GSM-7) or 70 code units (UCS-2). A longer text is split into parts of 153
 * septets or 67 code units (the rest carries the concatenation header); a part never ends in the middle
 * of an escape sequence or of a surrogate pair, so such a character moves whole to the next part.
 * An empty text has 0 parts.
 */
public final class SmsCounter {

    private static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private SmsCounter() {}

    public static SmsCount count(String text) {
        java.util.Objects.requireNonNull(text, "text");
        return isGsm7(text) ? countGsm(text) : countUcs2(text);
    }

    /** True when every character of {@code text} is in the GSM-7 default alphabet or its extension table. */
    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets a character takes in GSM-7: 1 basic, 2 extension, 0 when not encodable. */
    static int septets(char c) {
        if (GSM_BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    private static SmsCount countGsm(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += septets(text.charAt(i));
        }
        SmsEncoding enc = SmsEncoding.GSM_7;
        if (total == 0) {
            return new SmsCount(enc, 0, 0);
        }
        if (total <= enc.singlePartLimit()) {
            return new SmsCount(enc, total, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int w = septets(text.charAt(i));
            if (used + w > enc.multiPartLimit()) {
                parts++;
                used = 0;
            }
            used += w;
        }
        return new SmsCount(enc, total, parts);
    }

    private static SmsCount countUcs2(String text) {
        SmsEncoding enc = SmsEncoding.UCS_2;
        int total = text.length();
        if (total <= enc.singlePartLimit()) {
            return new SmsCount(enc, total, total == 0 ? 0 : 1);
        }
        int parts = 1;
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            boolean pair = Character.isHighSurrogate(text.charAt(i))
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            int w = pair ? 2 : 1;
            if (used + w > enc.multiPartLimit()) {
                parts++;
                used = 0;
            }
            used += w;
            i += w;
        }
        return new SmsCount(enc, total, parts);
    }
}
