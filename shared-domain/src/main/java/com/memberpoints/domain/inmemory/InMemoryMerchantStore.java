package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.merchant.MerchantStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link MerchantStore} in memory; {@link #all()} is ordered by merchant id, as in DynamoDB. */
public final class InMemoryMerchantStore implements MerchantStore {

    private final ConcurrentHashMap<MerchantId, Merchant> merchants = new ConcurrentHashMap<>();

    @Override
    public Optional<Merchant> find(MerchantId merchant) {
        return Optional.ofNullable(merchants.get(merchant));
    }

    @Override
    public void save(Merchant merchant) {
        merchants.put(Objects.requireNonNull(merchant, "merchant").id(), merchant);
    }

    @Override
    public List<MerchantId> all() {
        return merchants.keySet().stream().sorted(Comparator.comparing(MerchantId::value)).toList();
    }
}
