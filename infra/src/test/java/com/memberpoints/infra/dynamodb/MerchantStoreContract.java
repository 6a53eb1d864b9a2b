package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TierId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link MerchantStore} must have: in memory and on DynamoDB Local. */
abstract class MerchantStoreContract {
    final String run = UUID.randomUUID().toString().substring(0, 8);

    abstract MerchantStore store();

    Merchant merchant(String id) {
        return new Merchant(MerchantId.of(id), "Tea & Co. 茶行", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"),
                Locale.forLanguageTag("zh-TW"), Set.of(Locale.ENGLISH, Locale.forLanguageTag("ja")), true, true,
                Set.of(TierId.of("gold"), TierId.of("silver")));
    }

    @Test
    void aSavedMerchantRoundTripsAndASecondSaveReplacesIt() {
        MerchantId id = MerchantId.of("m-" + run);
        assertThat(store().find(id)).isEmpty();
        Merchant m = merchant(id.value());
        store().save(m);
        assertThat(store().find(id)).contains(m);
        assertThat(store().find(id).orElseThrow().supportedLocales()).containsExactlyElementsOf(m.supportedLocales());
        Merchant closed = new Merchant(id, "Other", Currency.getInstance("JPY"), ZoneId.of("UTC"), Locale.JAPANESE,
                Set.of(), false, false, Set.of());
        store().save(closed);
        assertThat(store().find(id)).contains(closed);
    }

    @Test
    void allListsEveryMerchantOnceInIdOrder() {
        for (String suffix : new String[] {"c", "a", "b"}) {
            store().save(merchant("all-" + run + "-" + suffix));
        }
        store().save(merchant("all-" + run + "-a"));
        assertThat(store().all().stream().map(MerchantId::value).filter(v -> v.startsWith("all-" + run)))
                .containsExactly("all-" + run + "-a", "all-" + run + "-b", "all-" + run + "-c");
        assertThat(store().all()).isSortedAccordingTo(java.util.Comparator.comparing(MerchantId::value));
    }
}
