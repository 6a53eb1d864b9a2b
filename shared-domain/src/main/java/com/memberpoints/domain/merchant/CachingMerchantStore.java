package com.memberpoints.domain.merchant;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.model.TtlCache;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link MerchantStore} decorator that keeps each known merchant profile for at most {@code ttl} per container
 * (docs/decisions.md, "Settings and merchant cache"). An unknown merchant is not remembered (it is asked again, so
 * a profile created elsewhere is found at once); a save through this decorator drops the entry; {@link #all()}
 * always goes to the store.
 */
public final class CachingMerchantStore implements MerchantStore {

    private final MerchantStore store;
    private final TtlCache<MerchantId, Optional<Merchant>> profiles;

    public CachingMerchantStore(MerchantStore store, Duration ttl, TimeSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.profiles = new TtlCache<>(ttl, clock, 256);
    }

    @Override
    public Optional<Merchant> find(MerchantId merchant) {
        Optional<Merchant> found = profiles.get(merchant, store::find);
        if (found.isEmpty()) {
            profiles.invalidate(merchant);
        }
        return found;
    }

    @Override
    public void save(Merchant merchant) {
        try {
            store.save(merchant);
        } finally {
            profiles.invalidate(merchant.id());
        }
    }

    @Override
    public List<MerchantId> all() {
        return store.all();
    }
}
