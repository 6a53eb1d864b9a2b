package com.memberpoints.domain.ledger;

/**
 * Which channels a credit may notify the member on, as chosen when it was made. System credits (order
 * earns, reward credits) use {@link #BOTH}: the store's and member's own limits (an address, a phone
 * number, SMS switched on) still apply. Manual and bulk assignment carry the staff's choice. Debits never
 * notify ({@link #NONE}).
 */
public record NotifyChoice(boolean email, boolean sms) {
    public static final NotifyChoice BOTH = new NotifyChoice(true, true);
    public static final NotifyChoice NONE = new NotifyChoice(false, false);

    /** Compact form stored on journal items: {@code "ES"}, {@code "E"}, {@code "S"} or {@code "-"}. */
    public String code() {
        String c = (email ? "E" : "") + (sms ? "S" : "");
        return c.isEmpty() ? "-" : c;
    }

    public static NotifyChoice parse(String code) {
        return switch (code) {
            case "ES" -> BOTH;
            case "E" -> new NotifyChoice(true, false);
            case "S" -> new NotifyChoice(false, true);
            case "-" -> NONE;
            default -> throw new IllegalArgumentException("not a notify choice code: " + code);
        };
    }
}
