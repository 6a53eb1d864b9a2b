package com.memberpoints.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.checkout.RedeemUnavailableReason;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryReceiptStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PosRedemptionsTest {
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    static final Instant END_2021 = Instant.parse("2021-12-31T15:59:59Z");
    static final Instant END_2022 = Instant.parse("2022-12-31T15:59:59Z");
    static final Actor CASHIER = Actor.staff("cashier-7");

    final Merchant shop = Fixtures.merchant();
    final MerchantId m = shop.id();
    final MemberId ann = MemberId.of("ann");
    final WalletRef wallet = WalletRef.points(m, ann);
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryReceiptStore receipts = new InMemoryReceiptStore();
    final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    final AtomicReference<MerchantSettings> rules = new AtomicReference<>(Fixtures.settings()
            // the online minimum order and cap, which must not apply in store
            .minimumOrderAmount("1000.00").cap(RedeemCap.fixed("5.00")).build());

    PosRedemptions pos() {
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        InMemoryMemberStore members = new InMemoryMemberStore();
        members.upsert(new MemberProfile(m, ann, Optional.of("Ann"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), NOW));
        // current settings read from `rules` (so a test can switch them); every other method answers empty
        SettingsStore current = (SettingsStore) java.lang.reflect.Proxy.newProxyInstance(
                SettingsStore.class.getClassLoader(), new Class<?>[] {SettingsStore.class},
                (p, method, args) -> method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(p, method, args)
                        : Optional.of(rules.get()));
        return new PosRedemptions(ledger, members, merchants, current, receipts, clock::get);
    }

    void earn(String order, long points, Instant expiresAt) {
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of(order), points, Optional.of(expiresAt), NOW.minusSeconds(60)));
    }

    static PosRedemptions.Request sale(String receipt, String amount, PointsRequest points) {
        return new PosRedemptions.Request(receipt, Fixtures.twd(amount), points);
    }

    PosRedemptions.Outcome.Redeemed redeemed(PosRedemptions.Outcome o) {
        assertThat(o).isInstanceOf(PosRedemptions.Outcome.Redeemed.class);
        return (PosRedemptions.Outcome.Redeemed) o;
    }

    @Test
    void theOnlineMinimumOrderAndMaximumDiscountDoNotApply_theWholeBalanceCanPayASmallSale() {
        earn("e1", 1_000, END_2021);
        PosRedemptions.Outcome.Redeemed r = redeemed(pos().redeem(m, ann, sale("R-1", "100.00", PointsRequest.MAXIMUM),
                CASHIER));
        assertThat(r.entry().delta()).isEqualTo(-1_000);
        assertThat(r.receipt().pointDiscount()).isEqualTo(Fixtures.twd("100.00"));
        assertThat(r.repeated()).isFalse();
        assertThat(ledger.wallet(wallet).balance()).isZero();
    }

    @Test
    void neverMoreThanTheSaleIsWorth_inWholeCurrencyUnits() {
        earn("e1", 10_000, END_2021);
        assertThat(redeemed(pos().redeem(m, ann, sale("R-1", "50.90", PointsRequest.MAXIMUM), CASHIER)).entry().delta())
                .isEqualTo(-500);
        PosRedemptions.Outcome above = pos().redeem(m, ann, sale("R-2", "50.90", PointsRequest.exactly(600)), CASHIER);
        assertThat(above).isEqualTo(new PosRedemptions.Outcome.Refused(
                new PosRedemptions.Allowance.AboveSale(500, "At most 500 points can be applied to this sale")));
    }

    @Test
    void anEnteredNumberIsRoundedDownToTheUnit_belowOneUnitIsTheUsualError() {
        earn("e1", 1_000, END_2021);
        assertThat(redeemed(pos().redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(23)), CASHIER)).entry()
                .delta()).isEqualTo(-20);
        assertThat(pos().redeem(m, ann, sale("R-2", "100.00", PointsRequest.exactly(9)), CASHIER)).isEqualTo(
                new PosRedemptions.Outcome.Refused(new PosRedemptions.Allowance.BelowUnit(10,
                        "At least 10 points must be entered")));
        assertThat(ledger.wallet(wallet).balance()).isEqualTo(980);
    }

    @Test
    void moreThanTheBalanceIsRefusedWithTheBalance_nothingDebited() {
        earn("e1", 200, END_2021);
        assertThat(pos().redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(300)), CASHIER)).isEqualTo(
                new PosRedemptions.Outcome.Refused(new PosRedemptions.Allowance.Insufficient(200, 300)));
        assertThat(ledger.wallet(wallet).balance()).isEqualTo(200);
    }

    @Test
    void redeemSwitchedOffOrProgramOff_refuses() {
        earn("e1", 200, END_2021);
        rules.set(Fixtures.settings().redeemEnabled(false).build());
        assertThat(pos().redeem(m, ann, sale("R-1", "100.00", PointsRequest.MAXIMUM), CASHIER))
                .isEqualTo(new PosRedemptions.Outcome.Unavailable(RedeemUnavailableReason.REDEEM_DISABLED));
        rules.set(Fixtures.settings().programEnabled(false).build());
        assertThat(pos().redeem(m, ann, sale("R-1", "100.00", PointsRequest.MAXIMUM), CASHIER))
                .isEqualTo(new PosRedemptions.Outcome.Unavailable(RedeemUnavailableReason.PROGRAM_DISABLED));
        assertThat(ledger.wallet(wallet).balance()).isEqualTo(200);
    }

    @Test
    void theSameReceiptTwiceIsOneDebit_evenWhenTheBalanceGrewInBetween() {
        earn("e1", 300, END_2021);
        PosRedemptions pos = pos();
        redeemed(pos.redeem(m, ann, sale("R-1", "100.00", PointsRequest.MAXIMUM), CASHIER));
        earn("e2", 500, END_2022);
        PosRedemptions.Outcome.Redeemed again = redeemed(pos.redeem(m, ann, sale("R-1", "100.00",
                PointsRequest.MAXIMUM), CASHIER));
        assertThat(again.repeated()).isTrue();
        assertThat(again.entry().delta()).isEqualTo(-300);
        assertThat(redeemed(pos.redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(305)), CASHIER)).repeated())
                .isTrue();
        assertThat(ledger.wallet(wallet).balance()).isEqualTo(500);
    }

    @Test
    void theSameReceiptWithAnotherSaleAmountOrNumberOfPoints_isAConflict() {
        earn("e1", 1_000, END_2021);
        PosRedemptions pos = pos();
        redeemed(pos.redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(300)), CASHIER));
        assertThat(pos.redeem(m, ann, sale("R-1", "90.00", PointsRequest.exactly(300)), CASHIER))
                .isEqualTo(new PosRedemptions.Outcome.ReceiptReused());
        assertThat(pos.redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(400)), CASHIER))
                .isEqualTo(new PosRedemptions.Outcome.ReceiptReused());
        assertThat(ledger.wallet(wallet).balance()).isEqualTo(700);
    }

    @Test
    void pointsAreSpentSoonestExpiringFirst() {
        earn("later", 100, END_2022);
        earn("sooner", 100, END_2021);
        JournalEntry e = redeemed(pos().redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(150)), CASHIER))
                .entry();
        assertThat(e.lots()).containsExactly(new LotChange(Optional.of(END_2021), -100),
                new LotChange(Optional.of(END_2022), -50));
    }

    @Test
    void cancellingTheReceiptReturnsThePointsWithTheirOriginalExpiry_exactlyOnce_byTheStaffMember() {
        earn("later", 100, END_2022);
        earn("sooner", 100, END_2021);
        List<Lot> before = ledger.wallet(wallet).lots().asList();
        PosRedemptions pos = pos();
        redeemed(pos.redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(150)), CASHIER));
        clock.set(NOW.plusSeconds(3600));

        PosRedemptions.CancelOutcome first = pos.cancel(m, ann, "R-1", Actor.staff("manager-2"));
        PosRedemptions.CancelOutcome again = pos.cancel(m, ann, "R-1", CASHIER);

        assertThat(first).isInstanceOf(PosRedemptions.CancelOutcome.Cancelled.class);
        PosRedemptions.CancelOutcome.Cancelled c = (PosRedemptions.CancelOutcome.Cancelled) first;
        assertThat(c.points()).isEqualTo(150);
        assertThat(c.repeated()).isFalse();
        assertThat(c.entry().actor()).isEqualTo(Actor.staff("manager-2"));
        assertThat(c.entry().kind()).isEqualTo(EntryKind.REDEEM_REVERT);
        assertThat(((PosRedemptions.CancelOutcome.Cancelled) again).repeated()).isTrue();
        assertThat(ledger.wallet(wallet).lots().asList()).isEqualTo(before);
        assertThat(ledger.wallet(wallet).balance()).isEqualTo(200);
        // the receipt cannot be redeemed again, and a receipt never redeemed cannot be cancelled
        assertThat(pos.redeem(m, ann, sale("R-1", "100.00", PointsRequest.exactly(150)), CASHIER))
                .isEqualTo(new PosRedemptions.Outcome.ReceiptCancelled());
        assertThat(pos.cancel(m, ann, "R-404", CASHIER)).isEqualTo(new PosRedemptions.CancelOutcome.NotRedeemed());
    }

    @Test
    void theActorAndTheReceiptAreInTheHistory_andTheReceiptIsListedThenMarkedCancelled() {
        earn("e1", 1_000, END_2021);
        PosRedemptions pos = pos();
        redeemed(pos.redeem(m, ann, sale("R-1", "64.00", PointsRequest.MAXIMUM), CASHIER));
        JournalEntry newest = ledger.history(wallet, PageRequest.first(1)).items().getFirst();
        assertThat(newest.actor()).isEqualTo(CASHIER);
        assertThat(newest.order()).contains(OrderId.of("pos-R-1"));
        assertThat(newest.reason()).isEqualTo("In-store sale 64.00, receipt R-1");

        List<Receipt> listed = receipts.recordedBetween(m, NOW, NOW.plusSeconds(1), PageRequest.first(10)).items();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().pointsRedeemed()).isEqualTo(640);
        assertThat(listed.getFirst().pointDiscount()).isEqualTo(Fixtures.twd("64.00"));
        assertThat(listed.getFirst().cancelled()).isFalse();

        clock.set(NOW.plusSeconds(60));
        pos.cancel(m, ann, "R-1", CASHIER);
        Receipt after = receipts.recordedBetween(m, NOW, NOW.plusSeconds(1), PageRequest.first(10)).items().getFirst();
        assertThat(after.cancelledAt()).contains(NOW.plusSeconds(60));
    }

    @Test
    void unknownMemberOrStore() {
        assertThat(pos().redeem(m, MemberId.of("nobody"), sale("R-1", "10.00", PointsRequest.MAXIMUM), CASHIER))
                .isEqualTo(new PosRedemptions.Outcome.UnknownMember());
        PosRedemptions noStore = new PosRedemptions(ledger, new InMemoryMemberStore(), new InMemoryMerchantStore(),
                Fixtures.readOnlyPort(SettingsStore.class, Optional.empty()), receipts, clock::get);
        assertThat(noStore.redeem(m, ann, sale("R-1", "10.00", PointsRequest.MAXIMUM), CASHIER))
                .isEqualTo(new PosRedemptions.Outcome.StoreNotConfigured());
    }
}
