package com.memberpoints.bench.lifecycle;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.events.DailySweepHandler;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.events.ScheduledAssignmentHandler;
import com.memberpoints.functions.events.SweepSettings;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The order lifecycle over DynamoDB Local: the real DynamoDB ledger, order, settings, merchant and member stores,
 * driven through the three handlers with JSON events, a controlled clock and a recording scheduler.
 */
class OrderLifecycleDynamoDbIT {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    final MerchantId shop = MerchantId.of("shop-1");
    final MemberId mei = MemberId.of("m-42");
    Instant now = local(2021, 11, 29, 10, 0);

    static Instant local(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(TAIPEI).toInstant();
    }

    @Test
    void ordersEarnOnceThroughTheHandlersOnTheDynamoDbStores() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        var client = local.client();
        DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(client, table);
        DynamoDbOrderStore orders = new DynamoDbOrderStore(client, table);
        DynamoDbSettingsStore settings = new DynamoDbSettingsStore(client, table);
        DynamoDbMerchantStore merchants = new DynamoDbMerchantStore(client, table);
        merchants.save(new Merchant(shop, "Shop One", Currency.getInstance("TWD"), TAIPEI, Locale.ENGLISH, Set.of(),
                false, true, Set.of()));
        settings.save(shop, MerchantSettings.of(1,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)), Channels.DEFAULT,
                        ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(3)),
                new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE), List.of(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("100"), CreditType.fixed("10", true),
                        CreditValidity.NEVER)), Map.of()), 0,
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of()));
        InMemoryAssignmentScheduler scheduler = new InMemoryAssignmentScheduler();
        OrderLifecycle lifecycle = new OrderLifecycle(orders, ledger, settings, merchants,
                new DynamoDbMemberStore(client, table), scheduler, () -> now);
        OrderEventsHandler events = new OrderEventsHandler(lifecycle, JsonLogger.discarding());
        ScheduledAssignmentHandler assignments = new ScheduledAssignmentHandler(lifecycle, JsonLogger.discarding());
        DailySweepHandler sweep = new DailySweepHandler(merchants, new LedgerSweeps(ledger), lifecycle, () -> now,
                SweepSettings.DEFAULTS, JsonLogger.discarding());
        WalletRef points = WalletRef.points(shop, mei);
        WalletRef credits = WalletRef.credits(shop, mei);
        Instant lotExpiry = local(2022, 12, 31, 23, 59).plusSeconds(59);
        ledger.apply(LedgerCommand.manualAdd(points, "seed", 500, Optional.of(lotExpiry), "seed", Actor.SYSTEM, now));
        ledger.apply(LedgerCommand.redeem(points, OrderId.of("o2"), 200, true, now)); // storefront hold of o2

        for (int i = 0; i < 3; i++) {
            send(events, "OrderPlaced", "{\"merchantId\":\"shop-1\",\"orderId\":\"o1\",\"memberId\":\"m-42\","
                    + "\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"amounts\":{\"currency\":\"TWD\","
                    + "\"itemSubtotal\":\"200.00\"},\"placedAt\":\"" + now + "\"}");
            send(events, "OrderPlaced", "{\"merchantId\":\"shop-1\",\"orderId\":\"o2\",\"memberId\":\"m-42\","
                    + "\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"amounts\":{\"currency\":\"TWD\","
                    + "\"itemSubtotal\":\"300.00\",\"redeemedPoints\":200,\"pointDiscount\":\"20.00\"},"
                    + "\"placedAt\":\"" + now + "\"}");
            send(events, "OrderPaid", "{\"merchantId\":\"shop-1\",\"orderId\":\"o1\",\"paidAt\":\"" + now + "\"}");
        }
        assertThat(ledger.wallet(credits).balance()).isEqualTo(2_000);
        assertThat(ledger.staleHolds(shop, now.plusSeconds(1), com.memberpoints.domain.model.PageRequest.first(10))
                .items()).isEmpty(); // o2's hold was confirmed by its placement

        now = local(2021, 12, 1, 15, 0);
        for (int i = 0; i < 3; i++) {
            send(events, "OrderDeliveryStatusChanged", "{\"merchantId\":\"shop-1\",\"orderId\":\"o1\","
                    + "\"status\":\"COLLECTED\",\"changedAt\":\"" + now + "\"}");
        }
        assertThat(scheduler.pending()).containsOnlyKeys(OrderId.of("o1"));
        // Due on 4 December local, at the order's offset inside the default spread window (AssignmentWindow).
        assertThat(scheduler.pending().get(OrderId.of("o1"))).isEqualTo(local(2021, 12, 4, 0, 0)
                .plus(com.memberpoints.domain.order.AssignmentWindow.DEFAULT.offset(shop, OrderId.of("o1"))));
        send(events, "OrderCancelled", "{\"merchantId\":\"shop-1\",\"orderId\":\"o2\",\"cancelledAt\":\"" + now + "\"}");
        assertThat(ledger.wallet(points).balance()).isEqualTo(500);
        assertThat(ledger.wallet(points).lots().amountAt(Optional.of(lotExpiry))).isEqualTo(500);

        now = local(2021, 12, 4, 0, 0);
        for (int i = 0; i < 2; i++) {
            assignments.handle("{\"merchantId\":\"shop-1\",\"orderId\":\"o1\"}");
        }
        now = local(2021, 12, 6, 0, 0);
        sweep.sweep();
        send(events, "OrderEdited", "{\"merchantId\":\"shop-1\",\"orderId\":\"o1\",\"revision\":1,"
                + "\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"150.00\"},\"editedAt\":\"" + now + "\"}");

        List<JournalEntry> o1 = ledger.entriesForOrder(shop, mei, OrderId.of("o1"));
        List<EntryKind> kinds = new ArrayList<>(o1.stream().map(JournalEntry::kind).toList());
        assertThat(kinds).containsExactlyInAnyOrder(EntryKind.REWARD_CREDIT, EntryKind.EARN, EntryKind.EARN_ADJUST_DEDUCT);
        assertThat(ledger.wallet(points).balance()).isEqualTo(500 + 15);
        JournalEntry earn = o1.stream().filter(e -> e.kind() == EntryKind.EARN).findFirst().orElseThrow();
        assertThat(earn.delta()).isEqualTo(20);
        assertThat(earn.lots().getFirst().expiresAt()).contains(lotExpiry);
        assertThat(orders.find(shop, OrderId.of("o1")).orElseThrow().earned().pointsAssigned()).isEqualTo(15);
    }

    private static void send(OrderEventsHandler events, String type, String detail) {
        String out = Json.write(events.handle("{\"source\":\"commerce.platform\",\"detail-type\":\"" + type
                + "\",\"detail\":" + detail + "}"));
        assertThat(out).contains("\"result\":\"applied\"");
    }

}
