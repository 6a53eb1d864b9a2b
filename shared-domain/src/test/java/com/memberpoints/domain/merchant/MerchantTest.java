package com.memberpoints.domain.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.testing.Fixtures;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MerchantTest {

    @Test
    void defaultLocaleIsAlwaysSupported() {
        Merchant m = new Merchant(MerchantId.of("m"), "Shop", Currency.getInstance("USD"), ZoneId.of("UTC"),
                Locale.forLanguageTag("zh-TW"), Set.of(), false, true, Set.of());
        assertThat(m.supports("zh-TW")).isTrue();
        assertThat(m.supports("en")).isFalse();
        assertThat(m.supportedLocales()).containsExactly(Locale.forLanguageTag("zh-TW"));
    }

    @Test
    void blankNameIsRefused() {
        assertThatThrownBy(() -> new Merchant(MerchantId.of("m"), " ", Currency.getInstance("USD"), ZoneId.of("UTC"),
                Locale.ENGLISH, Set.of(), false, true, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroIsInTheMerchantCurrencyScale() {
        assertThat(Fixtures.merchant(ZoneId.of("Asia/Tokyo"), Currency.getInstance("JPY")).zero().amount().scale()).isZero();
        assertThat(Fixtures.merchant().zero().toPlainString()).isEqualTo("0.00");
    }
}
