package com.memberpoints.functions.admin.reports;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.staff.Receipt;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The orders report's columns (issue 11 item 7: the merchant selects the fields to export). The first eighteen are
 * the default, in this order (the report as it was before columns could be chosen); {@link #ROW_TYPE} and
 * {@link #RECEIPT_ID} are available on request. NUMBER columns hold numbers we computed (never text anyone typed);
 * every other column is TEXT and is neutralised against spreadsheet formulas ({@link ReportsJson#field}).
 */
public enum OrderReportColumn {
    ORDER_ID("order_id", false),
    MEMBER_ID("member_id", false),
    PLACED_AT("placed_at", false),
    STATUS("status", false),
    CHANNEL("channel", false),
    /** The order kind (NORMAL, ADMIN_MANUAL, SOCIAL_MANUAL), or STORE_SPEND / POS_REDEMPTION for a receipt. */
    KIND("kind", false),
    PARENT_ORDER_ID("parent_order_id", false),
    ITEM_SUBTOTAL("item_subtotal", true),
    DISCOUNTS("discounts", true),
    STORE_CREDITS_USED("store_credits_used", true),
    POINTS_REDEEMED("points_redeemed", true),
    POINT_DISCOUNT("point_discount", true),
    POINTS_EARNED("points_earned", true),
    POINTS_EARNED_AT("points_earned_at", false),
    POINTS_SCHEDULED_FOR("points_scheduled_for", false),
    CREDITS_REWARDED("credits_rewarded", true),
    CREDITS_REWARDED_AT("credits_rewarded_at", false),
    CURRENCY("currency", false),
    /** ORDER, STORE_SPEND or POS_REDEMPTION. Not in the default. */
    ROW_TYPE("row_type", false),
    /** The staff-entered receipt id of an in-store row (empty for an order). Not in the default. */
    RECEIPT_ID("receipt_id", false);

    /** The default selection: the report's columns before they could be chosen, in that order. */
    public static final List<OrderReportColumn> DEFAULT = List.copyOf(EnumSet.range(ORDER_ID, CURRENCY));

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Map<String, OrderReportColumn> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(c -> c.columnName, Function.identity()));

    private final String columnName;
    private final boolean numeric;

    OrderReportColumn(String columnName, boolean numeric) {
        this.columnName = columnName;
        this.numeric = numeric;
    }

    public String columnName() {
        return columnName;
    }

    /** A number column: written as a plain number (a leading '-' is a minus sign, not neutralised). */
    public boolean numeric() {
        return numeric;
    }

    /** The outcome of reading {@code ?columns=}: the selection, or the names refused. */
    public sealed interface Selection {
        record Chosen(List<OrderReportColumn> columns) implements Selection {}

        record Refused(String message) implements Selection {}
    }

    /** Parses a comma-separated list of column names: unknown, repeated or empty names are refused, by name. */
    public static Selection parse(Optional<String> text) {
        if (text.isEmpty()) {
            return new Selection.Chosen(DEFAULT);
        }
        List<String> unknown = new ArrayList<>();
        Set<String> repeated = new LinkedHashSet<>();
        Set<OrderReportColumn> chosen = new LinkedHashSet<>();
        for (String name : text.get().split(",", -1)) {
            OrderReportColumn c = BY_NAME.get(name.strip());
            if (c == null) {
                unknown.add(name.strip().isEmpty() ? "(empty)" : name.strip());
            } else if (!chosen.add(c)) {
                repeated.add(c.columnName);
            }
        }
        if (!unknown.isEmpty()) {
            return new Selection.Refused("unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known columns: " + Arrays.stream(values())
                    .map(OrderReportColumn::columnName).collect(Collectors.joining(", ")));
        }
        if (!repeated.isEmpty()) {
            return new Selection.Refused("repeated column" + (repeated.size() > 1 ? "s " : " ")
                    + String.join(", ", repeated));
        }
        return new Selection.Chosen(List.copyOf(chosen));
    }

    /** This column's value for {@code row}, before CSV quoting and neutralisation. */
    public String value(ReportRow row, ZoneId zone) {
        return switch (row) {
            case ReportRow.OrderRow(Order o) -> orderValue(o, zone);
            case ReportRow.ReceiptRow(Receipt r) -> receiptValue(r, zone);
        };
    }

    private String orderValue(Order o, ZoneId zone) {
        OrderAmounts a = o.amounts();
        return switch (this) {
            case ORDER_ID -> o.id().value();
            case MEMBER_ID -> o.member().map(m -> m.value()).orElse("");
            case PLACED_AT -> local(o.placedAt(), zone);
            case STATUS -> o.status().name();
            case CHANNEL -> o.channel().name();
            case KIND -> o.kind().name();
            case PARENT_ORDER_ID -> o.parentOrder().map(p -> p.value()).orElse("");
            case ITEM_SUBTOTAL -> money(a.itemSubtotal());
            case DISCOUNTS -> money(a.discounts());
            case STORE_CREDITS_USED -> money(a.storeCredits());
            case POINTS_REDEEMED -> Long.toString(a.redeemedPoints());
            case POINT_DISCOUNT -> money(a.pointDiscount());
            case POINTS_EARNED -> Long.toString(o.earned().pointsAssigned());
            case POINTS_EARNED_AT -> o.earned().pointsAssignedAt().map(t -> local(t, zone)).orElse("");
            case POINTS_SCHEDULED_FOR -> o.earned().scheduledFor().map(t -> local(t, zone)).orElse("");
            case CREDITS_REWARDED -> money(o.earned().creditsAwarded());
            case CREDITS_REWARDED_AT -> o.earned().creditsAwardedAt().map(t -> local(t, zone)).orElse("");
            case CURRENCY -> a.itemSubtotal().currency().getCurrencyCode();
            case ROW_TYPE -> "ORDER";
            case RECEIPT_ID -> "";
        };
    }

    private String receiptValue(Receipt r, ZoneId zone) {
        Money zero = Money.zero(r.saleAmount().currency());
        return switch (this) {
            case ORDER_ID -> r.orderId().value();
            case MEMBER_ID -> r.member().value();
            case PLACED_AT -> local(r.at(), zone);
            case STATUS -> r.cancelled() ? "CANCELLED" : "COMPLETED";
            case CHANNEL -> "POS";
            case KIND, ROW_TYPE -> r.kind().name();
            case PARENT_ORDER_ID, POINTS_SCHEDULED_FOR, CREDITS_REWARDED_AT -> "";
            case ITEM_SUBTOTAL -> money(r.saleAmount());
            case DISCOUNTS, STORE_CREDITS_USED, CREDITS_REWARDED -> money(zero);
            case POINTS_REDEEMED -> Long.toString(r.pointsRedeemed());
            case POINT_DISCOUNT -> money(r.pointDiscount());
            case POINTS_EARNED -> Long.toString(r.pointsEarned());
            case POINTS_EARNED_AT -> r.pointsEarned() > 0 ? local(r.at(), zone) : "";
            case CURRENCY -> r.saleAmount().currency().getCurrencyCode();
            case RECEIPT_ID -> r.receiptId();
        };
    }

    private static String local(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone).format(LOCAL);
    }

    private static String money(Money m) {
        return m.toPlainString();
    }
}
