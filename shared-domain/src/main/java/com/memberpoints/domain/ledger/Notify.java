package com.memberpoints.domain.ledger;

/**
 * The staff's notification choices for a credit (manual or bulk assignment), persisted in its journal
 * entry so the notification dispatcher (which reads journal entries) knows whether to email and/or text
 * the member. Whether the member has an address or phone, and whether the store has SMS on, is decided
 * when sending. Debits never carry choices: a deduction is never notified.
 */
public record Notify(boolean email, boolean sms) {

    /** No choice made: the default of every command that does not set one. */
    public static final Notify NONE = new Notify(false, false);

    public boolean any() {
        return email || sms;
    }

    /** Compact stored form: {@code ""}, {@code "email"}, {@code "sms"} or {@code "email,sms"}. */
    public String code() {
        if (email && sms) {
            return "email,sms";
        }
        return email ? "email" : sms ? "sms" : "";
    }

    /** Inverse of {@link #code()}. */
    public static Notify parse(String code) {
        if (code == null || code.isEmpty()) {
            return NONE;
        }
        boolean e = false;
        boolean s = false;
        for (String part : code.split(",")) {
            switch (part) {
                case "email" -> e = true;
                case "sms" -> s = true;
                default -> throw new IllegalArgumentException("not a notify code: " + code);
            }
        }
        return new Notify(e, s);
    }
}
