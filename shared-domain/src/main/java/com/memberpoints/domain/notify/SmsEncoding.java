package com.memberpoints.domain.notify;

/** How an SMS text is encoded on the wire. */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet (7-bit): 160 characters in one part, 153 per part when split. */
    GSM_7(160, 153),
    /** UCS-2 (UTF-16 code units): 70 characters in one part, 67 per part when split. */
    UCS_2(70, 67);

    private final int singlePartLimit;
    private final int multiPartLimit;

    SmsEncoding(int singlePartLimit, int multiPartLimit) {
        this.singlePartLimit = singlePartLimit;
        this.multiPartLimit = multiPartLimit;
    }

    public int singlePartLimit() {
        return singlePartLimit;
    }

    public int multiPartLimit() {
        return multiPartLimit;
    }
}
