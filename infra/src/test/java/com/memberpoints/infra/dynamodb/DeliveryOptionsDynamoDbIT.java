package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.DeliveryOptionCode;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.order.AssignmentWindow;
import com.memberpoints.domain.order.DeliveryStatus;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.order.OrderEvent;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.DeliveryOptionMapping;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.FinalDeliveryStatus;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * SPEC §4a over DynamoDB Local: the merchant's delivery-option mapping in the settings items (and items saved before
 * it read as no mapping), the option on the order item, and a return before the assignment taking the order out of
 * the due index and the member's pending index.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DeliveryOptionsDynamoDbIT {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());
    final MemberId alice = MemberId.of("alice");
    World db;
    Instant now = local(2021, 11, 29, 10, 0);

    record World(DynamoDbLocal local, String table, DynamoDbSettingsStore settings,
                                DynamoDbOrderStore orders, DynamoDbLedgerStore ledger, OrderLifecycle lifecycle,
                                InMemoryAssignmentScheduler scheduler) {}

    static Instant local(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(TAIPEI).toInstant();
    }

    @BeforeEach
    void createTable(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        DynamoDbSettingsStore settings = new DynamoDbSettingsStore(local.client(), table);
        DynamoDbOrderStore orders = new DynamoDbOrderStore(local.client(), table);
        DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(local.client(), table);
        DynamoDbMerchantStore merchants = new DynamoDbMerchantStore(local.client(), table);
        merchants.save(new Merchant(shop, "Shop", Currency.getInstance("TWD"), TAIPEI, Locale.ENGLISH, Set.of(), true,
                true, Set.of()));
        InMemoryAssignmentScheduler scheduler = new InMemoryAssignmentScheduler();
        OrderLifecycle lifecycle = new OrderLifecycle(orders, ledger, settings, merchants,
                new DynamoDbMemberStore(local.client(), table), scheduler, () -> now, AssignmentWindow.NONE);
        db = new World(local, table, settings, orders, ledger, lifecycle, scheduler);
    }

    MerchantSettings settings(long version, DeliveryOptionMapping mapping) {
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(version, new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)),
                        d.points().channels(), d.points().expiry(), AssignmentPolicy.afterDelivery(3)),
                d.redeem(), List.of(), d.credits(), Map.of()).withDeliveryOptions(mapping);
    }

    void save(MerchantSettings s, long expected) {
        assertThat(db.settings().save(shop, s, expected, new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of())))
                .isInstanceOf(SettingsStore.SaveResult.Saved.class);
    }

    @Test
    void theMappingRoundTripsInTheCurrentAndVersionItems() {
        DeliveryOptionMapping mapping = DeliveryOptionMapping.of(Map.of("my_locker", FinalDeliveryStatus.COLLECTED,
                "custom_shipping", FinalDeliveryStatus.ARRIVED));
        save(settings(1, mapping), 0);
        assertThat(db.settings().current(shop).orElseThrow().deliveryOptions()).isEqualTo(mapping);
        assertThat(db.settings().byVersion(shop, 1).orElseThrow().deliveryOptions()).isEqualTo(mapping);
        save(settings(2, DeliveryOptionMapping.EMPTY), 1);
        assertThat(db.settings().current(shop).orElseThrow().deliveryOptions()).isEqualTo(DeliveryOptionMapping.EMPTY);
    }

    @Test
    void aSettingsItemSavedBeforeTheMappingExistedReadsAsNoMerchantOptions() {
        save(settings(1, DeliveryOptionMapping.of(Map.of("my_locker", FinalDeliveryStatus.COLLECTED))), 0);
        Map<String, AttributeValue> key = LedgerTable.itemKey(SettingsItemMapper.settingsPk(shop),
                SettingsItemMapper.SETTINGS_CURRENT);
        Map<String, AttributeValue> item = new HashMap<>(db.local().client().getItem(GetItemRequest.builder()
                .tableName(db.table()).key(key).build()).item());
        Map<String, AttributeValue> old = new HashMap<>(item.get("settings").m());
        assertThat(old.remove("deliveryOptions")).isNotNull();
        item.put("settings", AttributeValue.fromM(old));
        db.local().client().putItem(PutItemRequest.builder().tableName(db.table()).item(item).build());

        MerchantSettings read = db.settings().current(shop).orElseThrow();
        assertThat(read.deliveryOptions()).isEqualTo(DeliveryOptionMapping.EMPTY);
        assertThat(read.points().assignment()).isEqualTo(AssignmentPolicy.afterDelivery(3));
    }

    void place(String order, String option) {
        db.lifecycle().handle(new OrderEvent.OrderPlaced(shop, OrderId.of(order), Optional.of(alice),
                CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL,
                OrderAmounts.ofSubtotal(Money.of("100.00", "TWD")), now, Optional.of(DeliveryOptionCode.of(option))));
    }

    String delivered(String order, DeliveryStatus status) {
        return db.lifecycle().handle(new OrderEvent.OrderDeliveryStatusChanged(shop, OrderId.of(order), status, now))
                .transition();
    }

    boolean pending(String order) {
        return db.orders().pendingForMember(shop, alice, 100).stream().anyMatch(o -> o.id().value().equals(order));
    }

    List<OrderId> due() {
        return db.orders().awaitingAssignment(shop, local(2030, 1, 1, 0, 0), PageRequest.first(10)).items().stream()
                .map(o -> o.id()).toList();
    }

    @Test
    void example17_sevenElevenC2c_theOptionIsStoredAndAReturnLeavesNoPendingEntry() {
        save(settings(1, DeliveryOptionMapping.EMPTY), 0);
        place("o17", "seven_eleven_c2c");
        assertThat(db.orders().find(shop, OrderId.of("o17")).orElseThrow().delivery().option())
                .contains(DeliveryOptionCode.of("seven_eleven_c2c"));
        now = local(2021, 12, 1, 15, 0);
        assertThat(delivered("o17", DeliveryStatus.ARRIVED)).isEqualTo("not-final-for-option");
        assertThat(due()).isEmpty();
        assertThat(pending("o17")).isTrue();
        now = local(2021, 12, 9, 15, 0);
        assertThat(delivered("o17", DeliveryStatus.RETURNED)).isEqualTo("returned");
        assertThat(pending("o17")).isFalse();
        assertThat(db.ledger().wallet(WalletRef.points(shop, alice)).balance()).isZero();
    }

    @Test
    void aReturnWhileScheduledRemovesTheScheduleTheDueEntryAndThePendingEntry() {
        save(settings(1, DeliveryOptionMapping.EMPTY), 0);
        place("o1", "tcat_delivery");
        now = local(2021, 12, 1, 15, 0);
        assertThat(delivered("o1", DeliveryStatus.ARRIVED)).isEqualTo("scheduled");
        assertThat(due()).containsExactly(OrderId.of("o1"));
        assertThat(db.scheduler().pending()).containsKey(OrderId.of("o1"));

        now = local(2021, 12, 2, 15, 0);
        assertThat(delivered("o1", DeliveryStatus.RETURNED)).isEqualTo("returned-schedule-removed");
        assertThat(delivered("o1", DeliveryStatus.RETURNED)).isEqualTo("duplicate");
        assertThat(db.scheduler().pending()).isEmpty();
        assertThat(db.scheduler().calls()).containsOnlyOnce("cancel o1");
        assertThat(due()).isEmpty();
        assertThat(pending("o1")).isFalse();

        now = local(2021, 12, 10, 0, 0); // the daily reconcile finds nothing overdue, assigns nothing
        assertThat(db.lifecycle().reconcileOverdue(shop, java.time.Duration.ZERO, 100).examined()).isZero();
        assertThat(db.ledger().wallet(WalletRef.points(shop, alice)).balance()).isZero();
    }
}
