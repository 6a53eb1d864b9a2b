package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.DeliveryStatus;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.order.OrderReturns;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.order.Payment;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.order.OrderStore.SaveResult;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.model.TierId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link OrderStore} must have: in memory and on DynamoDB Local. */
abstract class OrderStoreContract {
    static final Instant T0 = Instant.parse("2026-03-01T04:00:00Z");
    static final Currency TWD = Currency.getInstance("TWD");
    static final Currency USD = Currency.getInstance("USD");

    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());

    abstract OrderStore store();

    Order placed(String id, Instant placedAt) {
        return new Order(shop, OrderId.of(id), Optional.of(MemberId.of("ann")), CheckoutIdentity.MEMBER_LOGGED_IN,
                SalesChannel.ONLINE, OrderKind.NORMAL, Optional.empty(), placedAt,
                OrderAmounts.ofSubtotal(Money.of("1000", TWD)),
                EARNING_RULE, OrderStatus.OPEN,
                Optional.empty(), Delivery.PENDING, Optional.empty(), EarnRecord.nothing(TWD), 0);
    }

    /** A rule under which {@link #placed} orders earn points (3 per 25.50), so they are pending until assigned. */
    static final BoundRule EARNING_RULE = BoundRule.bind(SettingsStoreContract.variants().get(1), Optional.empty());

    /** A delivered order with an assignment scheduled for {@code due}. */
    Order owed(String id, Instant due) {
        Order o = placed(id, due.minusSeconds(86_400 * 8));
        return with(o, OrderStatus.OPEN, Delivery.arrived(due.minusSeconds(86_400 * 7)), Optional.empty(),
                new EarnRecord(0, Optional.empty(), Optional.of(due), Money.zero(TWD), Optional.empty()));
    }

    static Order with(Order o, OrderStatus status, Delivery delivery, Optional<Instant> completedAt, EarnRecord earned) {
        return new Order(o.merchant(), o.id(), o.member(), o.identity(), o.channel(), o.kind(), o.parentOrder(),
                o.placedAt(), o.amounts(), o.rule(), status, o.payment(), delivery, completedAt, earned, o.version());
    }

    static Order atVersion(Order o, long version) {
        return o.withVersion(version);
    }

    static Order withMember(Order o, Optional<MemberId> member, CheckoutIdentity identity) {
        return new Order(o.merchant(), o.id(), member, identity, o.channel(), o.kind(), o.parentOrder(),
                o.placedAt(), o.amounts(), o.rule(), o.status(), o.payment(), o.delivery(), o.completedAt(), o.earned(),
                o.version(), o.lastEditRevision());
    }

    static Order withEditRevision(Order o, long revision) {
        return new Order(o.merchant(), o.id(), o.member(), o.identity(), o.channel(), o.kind(), o.parentOrder(),
                o.placedAt(), o.amounts(), o.rule(), o.status(), o.payment(), o.delivery(), o.completedAt(), o.earned(),
                o.version(), revision);
    }

    static final MemberId ANN = MemberId.of("ann");

    /** Saves as new and returns the order as stored (version 1). */
    Order saveNew(Order o) {
        assertThat(store().save(o)).isEqualTo(new SaveResult.Saved(1));
        return atVersion(o, 1);
    }

    @Test
    void aSimpleOrderRoundTripsAtVersionOne() {
        Order o = placed("o-1", T0);
        assertThat(store().find(shop, o.id())).isEmpty();
        Order stored = saveNew(o);
        assertThat(store().find(shop, o.id())).contains(stored);
        assertThat(store().find(MerchantId.of("other-" + UUID.randomUUID()), o.id())).isEmpty();
    }

    @Test
    void aRichOrderRoundTripsEveryField() {
        var rich = SettingsStoreContract.variants().get(1);
        Order o = new Order(shop, OrderId.of("child-1"), Optional.of(MemberId.of("bob")),
                CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.POS, OrderKind.SOCIAL_MANUAL,
                Optional.of(OrderId.of("parent-1")), T0.plusNanos(123_456_789),
                new OrderAmounts(Money.of("120.50", USD), Money.of("10.25", USD), Money.of("5", USD), 300,
                        Money.of("3.00", USD), Money.of("7.99", USD), Money.of("0.01", USD)),
                BoundRule.bind(rich, Optional.of(TierId.of("gold"))), OrderStatus.COMPLETED,
                Optional.of(new Payment(T0.plusSeconds(60), false)), Delivery.collected(T0.plusSeconds(3600)),
                Optional.of(T0.plusSeconds(7200)),
                new EarnRecord(42, Optional.of(T0.plusSeconds(7200)), Optional.of(T0.plusSeconds(86_400)),
                        Money.of("12.34", USD), Optional.of(T0.plusSeconds(61))),
                0);
        assertThat(o.rule().tierRule()).isPresent();
        Order stored = saveNew(o);
        assertThat(store().find(shop, o.id())).contains(stored);
        Order guest = new Order(shop, OrderId.of("guest-1"), Optional.empty(), CheckoutIdentity.GUEST,
                SalesChannel.ONLINE, OrderKind.ADMIN_MANUAL, Optional.empty(), T0,
                OrderAmounts.ofSubtotal(Money.of("0", TWD)),
                BoundRule.bind(SettingsStoreContract.variants().get(2), Optional.of(TierId.of("unknown-tier"))),
                OrderStatus.CANCELLED, Optional.empty(), new Delivery(DeliveryStatus.RETURNED, Optional.empty()),
                Optional.empty(), EarnRecord.nothing(TWD), 0);
        assertThat(store().find(shop, guest.id())).isEmpty();
        assertThat(store().find(shop, saveNew(guest).id())).contains(atVersion(guest, 1));
    }

    @Test
    void savesAreOptimisticOnTheVersion() {
        Order o = saveNew(placed("o-2", T0));
        assertThat(store().save(placed("o-2", T0))).isEqualTo(new SaveResult.Conflict(1));
        Order paid = new Order(o.merchant(), o.id(), o.member(), o.identity(), o.channel(), o.kind(), o.parentOrder(),
                o.placedAt(), o.amounts(), o.rule(), o.status(), Optional.of(new Payment(T0.plusSeconds(5), true)),
                o.delivery(), o.completedAt(), o.earned(), 1);
        assertThat(store().save(paid)).isEqualTo(new SaveResult.Saved(2));
        assertThat(store().save(paid)).isEqualTo(new SaveResult.Conflict(2));
        assertThat(store().save(atVersion(paid, 7))).isEqualTo(new SaveResult.Conflict(2));
        assertThat(store().save(atVersion(placed("nope", T0), 3))).isEqualTo(new SaveResult.Conflict(0));
        assertThat(store().find(shop, o.id())).contains(atVersion(paid, 2));
        assertThat(store().find(shop, OrderId.of("nope"))).isEmpty();
    }

    @Test
    void concurrentWritersOfOneVersionLetExactlyOneWin() throws Exception {
        Order o = saveNew(placed("o-c", T0));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<SaveResult>> tasks = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Order edit = with(o, OrderStatus.OPEN, Delivery.arrived(T0.plusSeconds(i)), Optional.empty(), o.earned());
                tasks.add(() -> store().save(edit));
            }
            List<SaveResult> results = new ArrayList<>();
            for (Future<SaveResult> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            if (!isolatesConcurrentWrites()) {
                // Named emulator difference (moto): concurrent conditional writes are not isolated, so two
                // writers can both win. What still holds: someone wins, and nobody wins or loses another version.
                assertThat(results).contains(new SaveResult.Saved(2));
                assertThat(results).allSatisfy(r -> assertThat(r).isIn(new SaveResult.Saved(2), new SaveResult.Conflict(2)));
                return;
            }
            assertThat(results).containsOnlyOnce(new SaveResult.Saved(2));
            assertThat(results).filteredOn(r -> r.equals(new SaveResult.Conflict(2))).hasSize(writers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whether the store's backend isolates concurrent conditional writes, as DynamoDB does. False only for
     * moto, where {@link #concurrentWritersOfOneVersionLetExactlyOneWin} asserts the weaker invariant.
     */
    boolean isolatesConcurrentWrites() {
        return true;
    }

    @Test
    void awaitingAssignmentReturnsOnlyDueUnassignedUncancelledOrdersSoonestFirst() {
        Instant now = T0.plusSeconds(30 * 86_400);
        saveNew(owed("due-b", now.minusSeconds(3600)));
        saveNew(owed("due-a", now.minusSeconds(3600))); // same instant: by id
        saveNew(owed("due-exactly", now));
        saveNew(owed("due-early", now.minusSeconds(86_400 * 2)));
        saveNew(owed("not-yet", now.plusMillis(1)));
        saveNew(placed("never-delivered", now.minusSeconds(86_400 * 20)));
        Order cancelled = owed("cancelled", now.minusSeconds(60));
        saveNew(with(cancelled, OrderStatus.CANCELLED, cancelled.delivery(), Optional.empty(), cancelled.earned()));
        // owed once, then assigned: leaves the listing
        Order assigned = saveNew(owed("assigned", now.minusSeconds(120)));
        assertThat(ids(store().awaitingAssignment(shop, now, PageRequest.first(100)))).contains("assigned");
        store().save(with(assigned, OrderStatus.OPEN, assigned.delivery(), Optional.empty(),
                new EarnRecord(10, Optional.of(now.minusSeconds(100)), assigned.earned().scheduledFor(),
                        Money.zero(TWD), Optional.empty())));

        assertThat(ids(store().awaitingAssignment(shop, now, PageRequest.first(100))))
                .containsExactly("due-early", "due-a", "due-b", "due-exactly");
        assertThat(ids(store().awaitingAssignment(shop, now.minusSeconds(86_400), PageRequest.first(100))))
                .containsExactly("due-early");
        assertThat(all((c, p) -> store().awaitingAssignment(shop, now, p), 1))
                .containsExactly("due-early", "due-a", "due-b", "due-exactly");
        assertThat(store().awaitingAssignment(MerchantId.of("other-" + UUID.randomUUID()), now, PageRequest.first(10))
                .items()).isEmpty();
    }

    @Test
    void placedBetweenIsHalfOpenOldestFirstAndPages() {
        for (int i = 0; i < 12; i++) {
            saveNew(placed("p-" + (char) ('a' + i), T0.plusSeconds(i * 60L)));
        }
        saveNew(placed("p-same", T0.plusSeconds(60)));
        List<String> window = all((c, p) -> store().placedBetween(shop, T0.plusSeconds(60), T0.plusSeconds(600), p), 4);
        assertThat(window).containsExactly("p-b", "p-same", "p-c", "p-d", "p-e", "p-f", "p-g", "p-h", "p-i", "p-j");
        assertThat(ids(store().placedBetween(shop, T0, T0.plusSeconds(1), PageRequest.first(10)))).containsExactly("p-a");
        assertThat(ids(store().placedBetween(shop, T0.plusMillis(1), T0.plusSeconds(60), PageRequest.first(10)))).isEmpty();
        assertThat(ids(store().placedBetween(shop, T0.plusSeconds(600), T0, PageRequest.first(10)))).isEmpty();
    }

    @Test
    void aForeignCursorIsRefusedNamingTheField() {
        Page<Order> first = store().placedBetween(shop, T0, T0.plusSeconds(1), PageRequest.first(1));
        assertThat(first.items()).isEmpty();
        assertThatThrownBy(() -> store().placedBetween(shop, T0, T0.plusSeconds(9), PageRequest.after("Zm9vfGJhcg", 5)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
        saveNew(owed("w-1", T0));
        saveNew(owed("w-2", T0));
        String awaitingCursor = store().awaitingAssignment(shop, T0, PageRequest.first(1)).nextCursor().orElseThrow();
        assertThatThrownBy(() -> store().placedBetween(shop, T0.minusSeconds(86_400 * 9), T0,
                PageRequest.after(awaitingCursor, 5))).isInstanceOf(InvalidInputException.class);
    }

    private static List<String> ids(Page<Order> page) {
        return page.items().stream().map(o -> o.id().value()).toList();
    }

    private static List<String> all(BiFunction<Optional<String>, PageRequest, Page<Order>> list, int size) {
        List<String> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int guard = 0;
        do {
            Page<Order> page = list.apply(cursor, new PageRequest(cursor, size));
            assertThat(page.items().size()).isLessThanOrEqualTo(size);
            out.addAll(ids(page));
            cursor = page.nextCursor();
        } while (cursor.isPresent() && ++guard < 100);
        return out;
    }

    @Test
    void theLastEditRevisionRoundTrips_absentMeaningZero() {
        Order none = saveNew(placed("o-r0", T0));
        assertThat(store().find(shop, none.id()).orElseThrow().lastEditRevision()).isZero();
        Order revised = withEditRevision(none, 7);
        assertThat(store().save(revised)).isEqualTo(new SaveResult.Saved(2));
        assertThat(store().find(shop, none.id())).contains(atVersion(revised, 2));
        assertThat(store().find(shop, none.id()).orElseThrow().lastEditRevision()).isEqualTo(7);
    }

    @Test
    void returnsAndPointsNotRecoveredRoundTrip_absentMeaningNone() {
        Order none = saveNew(placed("o-ret", T0));
        assertThat(store().find(shop, none.id()).orElseThrow().returns()).isEqualTo(OrderReturns.NONE);
        Money part = Money.of("12.50", none.amounts().itemSubtotal().currency());
        Order returned = none.applyReturn(new OrderReturns.Applied("ret-1", part, T0.plusSeconds(10)), false)
                .applyReturn(new OrderReturns.Applied("ret-2", part, T0.plusSeconds(20)), true)
                .notRecovered(17);
        assertThat(store().save(returned)).isEqualTo(new SaveResult.Saved(2));
        Order found = store().find(shop, none.id()).orElseThrow();
        assertThat(found).isEqualTo(atVersion(returned, 2));
        assertThat(found.returns().applied()).extracting(OrderReturns.Applied::returnId).containsExactly("ret-1", "ret-2");
        assertThat(found.returns().full()).isTrue();
        assertThat(found.earned().pointsNotRecovered()).isEqualTo(17);
        assertThat(found.isVoided()).isTrue();
    }

    @Test
    void pendingForMemberListsOnlyTheMembersOrdersThatWillStillEarn_datedFirstThenUndated_bounded() {
        Instant due1 = T0.plusSeconds(86_400 * 2);
        Instant due2 = T0.plusSeconds(86_400 * 5);
        Order s2 = saveNew(owed("o-s2", due2));
        Order s1 = saveNew(owed("o-s1", due1));
        Order u2 = saveNew(placed("o-u2", T0.plusSeconds(3600)));
        Order u1 = saveNew(placed("o-u1", T0));
        Order cancelled = saveNew(with(placed("o-c", T0), OrderStatus.CANCELLED, Delivery.PENDING, Optional.empty(),
                EarnRecord.nothing(TWD)));
        Order assigned = saveNew(with(owed("o-a", due1), OrderStatus.OPEN, Delivery.arrived(T0),
                Optional.empty(), new EarnRecord(10, Optional.of(due1), Optional.of(due1), Money.zero(TWD),
                        Optional.empty())));
        saveNew(withMember(placed("bob-1", T0), Optional.of(MemberId.of("bob")), CheckoutIdentity.MEMBER_LOGGED_IN));
        saveNew(withMember(placed("guest-1", T0), Optional.empty(), CheckoutIdentity.GUEST));
        Order zero = new Order(shop, OrderId.of("o-zero"), Optional.of(ANN), CheckoutIdentity.MEMBER_LOGGED_IN,
                SalesChannel.ONLINE, OrderKind.NORMAL, Optional.empty(), T0, OrderAmounts.ofSubtotal(Money.of("0", TWD)),
                u1.rule(), OrderStatus.OPEN, Optional.empty(), Delivery.PENDING, Optional.empty(),
                EarnRecord.nothing(TWD), 0);
        saveNew(zero);
        MerchantId otherShop = MerchantId.of("other-" + UUID.randomUUID());
        Order elsewhere = placed("o-else", T0);
        store().save(new Order(otherShop, elsewhere.id(), elsewhere.member(), elsewhere.identity(), elsewhere.channel(),
                elsewhere.kind(), elsewhere.parentOrder(), elsewhere.placedAt(), elsewhere.amounts(), elsewhere.rule(),
                elsewhere.status(), elsewhere.payment(), elsewhere.delivery(), elsewhere.completedAt(),
                elsewhere.earned(), 0));
        assertThat(cancelled.pendingPoints()).isEmpty();
        assertThat(assigned.pendingPoints()).isEmpty();
        assertThat(zero.pendingPoints()).as("earns nothing").isEmpty();
        assertThat(u1.pendingPoints().orElseThrow().points()).isEqualTo(117);

        assertThat(ids(store().pendingForMember(shop, ANN, 10))).containsExactly("o-s1", "o-s2", "o-u1", "o-u2");
        assertThat(store().pendingForMember(shop, ANN, 10)).contains(s1, s2, u1, u2);
        assertThat(ids(store().pendingForMember(shop, ANN, 3))).containsExactly("o-s1", "o-s2", "o-u1");
        assertThat(ids(store().pendingForMember(shop, MemberId.of("bob"), 10))).containsExactly("bob-1");
        assertThat(store().pendingForMember(shop, MemberId.of("nobody"), 10)).isEmpty();

        // Assigned and cancelled orders leave the listing; a newly scheduled one moves to its due date.
        assertThat(store().save(with(s1, OrderStatus.OPEN, s1.delivery(), Optional.empty(), new EarnRecord(10,
                Optional.of(due1), Optional.of(due1), Money.zero(TWD), Optional.empty())))).isEqualTo(new SaveResult.Saved(2));
        assertThat(store().save(with(u1, OrderStatus.CANCELLED, u1.delivery(), Optional.empty(), u1.earned())))
                .isEqualTo(new SaveResult.Saved(2));
        Instant due0 = T0.plusSeconds(86_400);
        assertThat(store().save(with(u2, OrderStatus.OPEN, Delivery.arrived(T0), Optional.empty(), new EarnRecord(0,
                Optional.empty(), Optional.of(due0), Money.zero(TWD), Optional.empty())))).isEqualTo(new SaveResult.Saved(2));
        assertThat(ids(store().pendingForMember(shop, ANN, 10))).containsExactly("o-u2", "o-s2");
    }

    @Test
    void pendingForMemberRefusesAnUnboundedMax() {
        assertThatThrownBy(() -> store().pendingForMember(shop, ANN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().pendingForMember(shop, ANN, OrderStore.MAX_PENDING + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().pendingForMember(shop, ANN, OrderStore.MAX_PENDING)).isEmpty();
    }

    static List<String> ids(List<Order> orders) {
        return orders.stream().map(o -> o.id().value()).toList();
    }
}
