package com.memberpoints.domain.settings;

/**
 * The "expiry reminders" settings part (issue 12 item 2): whether members are told, {@code daysBefore} days ahead,
 * that part of their points or store credits is about to expire, and on which channels. A self-contained part: its
 * JSON form is one object ({@code expiryReminders}), so it can be served as a settings section of its own.
 * The record refuses nothing but its own shape; the ranges (1-90 days, a channel when enabled) are checked by
 * {@link SettingsValidator}.
 *
 * @param enabled    reminders are sent
 * @param daysBefore how many days before a lot's expiry instant the member is reminded (1-90)
 * @param email      remind by email (members with an address)
 * @param sms        remind by SMS (members with a phone number, while the store has SMS on)
 */
public record ExpiryReminders(boolean enabled, int daysBefore, boolean email, boolean sms) {

    /** Shortest and longest reminder lead. */
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 90;

    /** Off, 14 days, email only: what a merchant that never saved the part has (and every stored item without it). */
    public static final ExpiryReminders OFF = new ExpiryReminders(false, 14, true, false);

    /** The reminder lead as a duration (whole days of 24 hours, counted back from the expiry instant). */
    public java.time.Duration lead() {
        return java.time.Duration.ofDays(daysBefore);
    }
}
