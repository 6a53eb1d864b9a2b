package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.order.Payment;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsValidator;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.settings.TierRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Item sizes of the stores' items stay well under DynamoDB's 400 KB (and orders near one write unit). */
class StoreItemSizeTest {
    static final Instant T0 = Instant.parse("2026-03-01T04:00:00Z");
    static final Currency USD = Currency.getInstance("USD");

    @Test
    void aFullOrderWithLongestIdsIsAFewKilobytes() {
        String longId = "x".repeat(128);
        MerchantSettings rich = SettingsStoreContract.variants().get(1);
        Order o = new Order(com.memberpoints.domain.model.MerchantId.of(longId), OrderId.of(longId),
                Optional.of(MemberId.of(longId)), CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.POS,
                OrderKind.SOCIAL_MANUAL, Optional.of(OrderId.of("p" + longId.substring(1))), T0,
                new OrderAmounts(Money.of("99999999.99", USD), Money.of("10.25", USD), Money.of("5", USD), 300,
                        Money.of("3.00", USD), Money.of("7.99", USD), Money.of("0.01", USD)),
                BoundRule.bind(rich, Optional.of(TierId.of("gold"))), OrderStatus.COMPLETED,
                Optional.of(new Payment(T0, true)), Delivery.collected(T0), Optional.of(T0),
                new EarnRecord(42, Optional.of(T0), Optional.of(T0), Money.of("12.34", USD), Optional.of(T0)), 0);
        long size = ItemSize.of(OrderItemMapper.order(o)) + 3 * 140 + 60; // + keys and index keys
        System.out.println("order item, longest ids: " + size + " bytes");
        assertThat(size).isLessThan(3 * 1024);
    }

    @Test
    void anOrderWithTheMostReturnsWithLongestIdsStaysFarUnderTheItemLimit() {
        String longId = "x".repeat(128);
        Order o = new Order(com.memberpoints.domain.model.MerchantId.of(longId), OrderId.of(longId),
                Optional.of(MemberId.of(longId)), CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE,
                OrderKind.NORMAL, Optional.empty(), T0, OrderAmounts.ofSubtotal(Money.of("99999999.99", USD)),
                BoundRule.bind(SettingsStoreContract.variants().get(1), Optional.empty()), OrderStatus.OPEN,
                Optional.empty(), Delivery.collected(T0), Optional.empty(), EarnRecord.nothing(USD), 0);
        for (int i = 0; i < com.memberpoints.domain.order.OrderReturns.MAX_RETURNS; i++) {
            o = o.applyReturn(new com.memberpoints.domain.order.OrderReturns.Applied(
                    String.format("%03d", i) + "r".repeat(125), Money.of("99999999.99", USD), T0), false);
        }
        long size = ItemSize.of(OrderItemMapper.order(o)) + 3 * 140 + 60;
        System.out.println("order item with " + o.returns().applied().size() + " returns: " + size + " bytes");
        assertThat(size).isLessThan(40 * 1024);
    }

    @Test
    void settingsAtTheValidatorsLimitsFitOneItem() {
        List<TierRule> tiers = new ArrayList<>();
        for (int i = 0; i < SettingsValidator.MAX_TIERS; i++) {
            tiers.add(new TierRule(TierId.of("tier-" + "t".repeat(57) + String.format("%02d", i)),
                    Optional.of(EarnRate.of("999999999.99", 1_000_000)),
                    Optional.of(new CreditRule(new BigDecimal("999999999.99"), CreditType.fixed("999999999.99", true),
                            CreditValidity.days(3650)))));
        }
        Map<String, String> text = new TreeMap<>();
        for (String locale : List.of("en", "zh-TW", "zh-CN", "ja", "ko", "th", "vi", "ms")) {
            text.put(locale, "點".repeat(SettingsValidator.MAX_RULES_TEXT_LENGTH));
        }
        MerchantSettings big = MerchantSettings.of(1, MerchantSettings.defaults().points(),
                MerchantSettings.defaults().redeem(), tiers, MerchantSettings.defaults().credits(), text);
        long size = ItemSize.of(Map.of("settings", SettingsItemMapper.settings(big)));
        System.out.println("settings item, 100 tiers + 8 locales x 5,000 CJK characters: " + size + " bytes");
        assertThat(size).isLessThan(DynamoDbSettingsStore.MAX_ITEM_BYTES).isGreaterThan(120_000);
    }
}
