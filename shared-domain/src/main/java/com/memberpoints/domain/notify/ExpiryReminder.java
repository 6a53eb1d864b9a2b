package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.WalletRef;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The durable marker of one expiry reminder: "{@code amount} of this wallet expire at {@code expiresAt}", decided
 * at {@code decidedAt}. One per (merchant, member, wallet, expiry instant), written with a conditional create by the
 * sweep's reminder pass ({@link ExpiryReminderStore#record}); the marker is the outbox entry of its messages: its
 * creation reaches {@link NotificationDispatcher#remind} (the table's stream in AWS, the store wrapper locally), and
 * the messages' delivery keys are built from it alone, so however often it is dispatched each channel is claimed
 * and sent once. It is also the fact the integration-event publisher reads ("points about to expire").
 *
 * @param amount     what the lot held when the reminder was decided (points, or credit minor units)
 * @param balance    the wallet's balance then
 * @param daysBefore the reminder lead in force then
 * @param channels   the channels the merchant's settings chose then (the member's and store's limits apply at send)
 */
public record ExpiryReminder(WalletRef wallet, Instant expiresAt, long amount, long balance, Instant decidedAt,
                             int daysBefore, NotifyChoice channels) {
    public ExpiryReminder {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (amount <= 0 || balance < amount) {
            throw new IllegalArgumentException("a reminder is for a positive amount within the balance");
        }
    }

    /** {@code N#<WALLET>#REMIND#<expiry epoch second>}: the operation id its delivery records carry. */
    public OperationId operationId() {
        return new OperationId("N#" + wallet.wallet() + "#REMIND#" + expiresAt.getEpochSecond());
    }

    /** The delivery key of this reminder on {@code channel}: month of the decision in the store's zone. */
    public DeliveryKey deliveryKey(ZoneId storeZone, Channel channel) {
        return new DeliveryKey(wallet.merchant(), YearMonth.from(decidedAt.atZone(storeZone)), wallet.member(),
                wallet.wallet(), operationId(), channel);
    }
}
