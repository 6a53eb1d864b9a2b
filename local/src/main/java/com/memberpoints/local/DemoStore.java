package com.memberpoints.local;

import com.memberpoints.domain.expiry.Expiry;
import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.domain.model.TierId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LOCAL ONLY: the demo store the local stack starts with — a TWD shop in Asia/Taipei with the points
 * program on (1 point per 10.00 spent, assigned 3 days after delivery, expiring each 31 December,
 * 10 points = 1.00 off, expiry reminders by email and SMS 14 days before), two members with email and phone, and
 * opening balances. Seeding is
 * idempotent (deterministic operation ids, settings only when none exist), so seeding the same table
 * twice adds nothing twice.
 */
public final class DemoStore {
    public static final MerchantId MERCHANT = MerchantId.of("demo-shop");
    public static final ZoneId ZONE = ZoneId.of("Asia/Taipei");
    public static final Currency CURRENCY = Currency.getInstance("TWD");
    public static final TierId GOLD = TierId.of("gold");
    public static final TierId SILVER = TierId.of("silver");

    /** A demo member and their opening points balance. */
    public record DemoMember(MemberId id, String name, String email, String phone, TierId tier, long openingPoints) {}

    public static final List<DemoMember> MEMBERS = List.of(
            new DemoMember(MemberId.of("alice"), "Alice Chen", "alice@example.com", "+886912345678", GOLD, 1_200),
            new DemoMember(MemberId.of("bob"), "Bob Lin", "bob@example.com", "+886987654321", SILVER, 300));

    private DemoStore() {}

    public static Merchant merchant() {
        return new Merchant(MERCHANT, "Demo Shop", CURRENCY, ZONE, Locale.ENGLISH,
                Set.of(Locale.ENGLISH, Locale.forLanguageTag("zh-TW")), true, true, Set.of(GOLD, SILVER));
    }

    public static MerchantSettings settings() {
        return MerchantSettings.of(
                1,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)), new Channels(true),
                        ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(3)),
                new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE),
                List.of(),
                new OrderRewardCredits(false, new CreditRule(new BigDecimal("100.00"),
                        CreditType.fixed("10.00", false), CreditValidity.NEVER)),
                Map.of("en", "Spend 10.00, get 1 point. 10 points = 1.00 off your next order."))
                .withExpiryReminders(new ExpiryReminders(true, 14, true, true));
    }

    public static List<MemberProfile> profiles(Instant at) {
        return MEMBERS.stream().map(m -> new MemberProfile(MERCHANT, m.id(), Optional.of(m.name()), Optional.of(m.email()),
                Optional.of(m.phone()), Optional.of(Locale.ENGLISH), Optional.of(m.tier()), at)).toList();
    }

    /**
     * The merchant profile, its settings (version 1, unless settings exist already) and the member profiles,
     * through their stores.
     */
    public static void seedStore(MerchantStore merchants, SettingsStore settingsStore, MemberStore members, Instant at) {
        merchants.save(merchant());
        if (settingsStore.current(MERCHANT).isEmpty()) {
            SettingsStore.SaveResult saved = settingsStore.save(MERCHANT, settings(), 0,
                    new SettingsStore.ChangeLogEntry(Actor.staff("demo-seed"), at, List.of()));
            if (!(saved instanceof SettingsStore.SaveResult.Saved)) {
                throw new IllegalStateException("demo settings not saved: " + saved);
            }
        }
        for (MemberProfile profile : profiles(at)) {
            members.upsert(profile);
        }
    }

    /** Opening balances, as a staff adjustment expiring like earned points would. */
    public static List<LedgerResult> seedPoints(LedgerStore ledger, Instant at) {
        Expiry expiry = ExpiryCalculator.pointsExpiry(settings().points().expiry(), at, ZONE);
        Optional<Instant> expiresAt = expiry instanceof Expiry.At a ? Optional.of(a.at()) : Optional.empty();
        return MEMBERS.stream().map(m -> ledger.apply(LedgerCommand.manualAdd(
                WalletRef.points(MERCHANT, m.id()), "demo-opening-balance", m.openingPoints(), expiresAt,
                "Demo store opening balance", Actor.staff("demo-seed"), at))).toList();
    }
}
