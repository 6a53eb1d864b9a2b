package com.memberpoints.domain.order;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The window after the start of the due local date over which scheduled assignments are spread (issue 16,
 * docs/scale.md change 1): each order fires at a deterministic offset — SHA-256 of {@code merchant|order}
 * modulo the window's seconds — after the first instant of its due date, so 100,000 orders due on one day no
 * longer fire in the same second. The offset never moves an assignment off its due local date: if the start of
 * the day plus the offset would reach the next local day (a day shortened by a daylight-saving change, or a
 * window longer than the day), the order fires at the start of the day instead. {@link #NONE} fires every order
 * at the start of the day (the behaviour before the spread).
 *
 * @param length 0 to 12 hours, whole seconds
 */
public record AssignmentWindow(Duration length) {

    /** The longest window (declared first: the constants below are checked against it). */
    public static final Duration MAXIMUM = Duration.ofHours(12);
    /** 00:00–05:59:59 local. */
    public static final AssignmentWindow DEFAULT = new AssignmentWindow(Duration.ofHours(6));
    /** No spread: every order fires at the start of its due date. */
    public static final AssignmentWindow NONE = new AssignmentWindow(Duration.ZERO);

    public AssignmentWindow {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.compareTo(MAXIMUM) > 0 || length.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("assignment window must be whole seconds between 0 and 12 hours");
        }
    }

    public static AssignmentWindow ofMinutes(long minutes) {
        return new AssignmentWindow(Duration.ofMinutes(minutes));
    }

    /** The order's offset after the start of its due date: 0 ≤ offset < length (0 for {@link #NONE}). */
    public Duration offset(MerchantId merchant, OrderId order) {
        long seconds = length.toSeconds();
        if (seconds == 0) {
            return Duration.ZERO;
        }
        byte[] digest = sha256(merchant.value() + "|" + order.value());
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        return Duration.ofSeconds(Math.floorMod(h, seconds));
    }

    /** The instant the order's assignment fires on {@code dueDate}: start of the date plus the offset, on the date. */
    public Instant firesAt(LocalDate dueDate, ZoneId zone, MerchantId merchant, OrderId order) {
        Instant start = dueDate.atStartOfDay(zone).toInstant();
        Instant candidate = start.plus(offset(merchant, order));
        Instant nextDay = dueDate.plusDays(1).atStartOfDay(zone).toInstant();
        return candidate.isBefore(nextDay) ? candidate : start;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
