package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryWalkClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ExpiryWalkClaims} must do: one claim per merchant and part, taken over only when stale. */
abstract class ExpiryWalkClaimsContract {
    static final Instant RUN = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant NEXT = RUN.plus(Duration.ofHours(1));

    abstract ExpiryWalkClaims claims();

    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aFreePartIsClaimedOnce_anOverlappingRunIsRefusedWhileTheWalkProgresses() {
        ExpiryWalkClaims c = claims();
        assertThat(c.claim(shop, 3, RUN, RUN, RUN.minus(Duration.ofHours(2)))).isTrue();
        assertThat(c.claim(shop, 3, NEXT, NEXT, NEXT.minus(Duration.ofHours(2)))).isFalse();
        assertThat(c.claim(shop, 4, NEXT, NEXT, NEXT.minus(Duration.ofHours(2)))).as("another part").isTrue();
        assertThat(c.claim(MerchantId.of("other"), 3, NEXT, NEXT, NEXT.minus(Duration.ofHours(2))))
                .as("another merchant").isTrue();
    }

    @Test
    void renewalKeepsTheClaimFresh_aStaleClaimIsTakenOver_andTheOldWalkLosesIt() {
        ExpiryWalkClaims c = claims();
        c.claim(shop, 0, RUN, RUN, RUN.minus(Duration.ofHours(2)));
        assertThat(c.renew(shop, 0, RUN, RUN.plus(Duration.ofMinutes(90)))).isTrue();
        Instant later = RUN.plus(Duration.ofHours(3));
        assertThat(c.claim(shop, 0, later, later, later.minus(Duration.ofHours(2)))).as("progress at 01:30 is fresh")
                .isFalse();
        Instant muchLater = RUN.plus(Duration.ofHours(4));
        assertThat(c.claim(shop, 0, muchLater, muchLater, muchLater.minus(Duration.ofHours(2)))).as("stale").isTrue();
        assertThat(c.renew(shop, 0, RUN, muchLater)).as("the old walk").isFalse();
        assertThat(c.renew(shop, 0, muchLater, muchLater.plusSeconds(5))).isTrue();
    }

    @Test
    void releaseFreesOnlyTheOwnClaim_andARenewalAfterItFails() {
        ExpiryWalkClaims c = claims();
        c.claim(shop, 1, RUN, RUN, RUN.minus(Duration.ofHours(2)));
        c.release(shop, 1, NEXT); // not its run: nothing
        assertThat(c.renew(shop, 1, RUN, RUN.plusSeconds(1))).isTrue();
        c.release(shop, 1, RUN);
        assertThat(c.renew(shop, 1, RUN, RUN.plusSeconds(2))).isFalse();
        c.release(shop, 1, RUN); // twice: nothing
        assertThat(c.claim(shop, 1, NEXT, NEXT, NEXT.minus(Duration.ofHours(2)))).isTrue();
    }

    @Test
    void heldListsTheMerchantsClaimsOfBothKinds_withTheirRunAndProgress_untilReleased() {
        ExpiryWalkClaims c = claims();
        assertThat(c.held(shop)).isEmpty();
        c.claim(shop, 2, RUN, RUN, RUN.minus(Duration.ofHours(2)));
        c.claim(shop, 1002, NEXT, NEXT, NEXT.minus(Duration.ofHours(2))); // a reminder walk's slot
        c.renew(shop, 2, RUN, RUN.plusSeconds(90));
        c.claim(MerchantId.of("other-" + shop.value()), 5, RUN, RUN, RUN.minus(Duration.ofHours(2)));

        assertThat(c.held(shop)).containsExactlyInAnyOrder(
                new ExpiryWalkClaims.Held(2, RUN, RUN.plusSeconds(90)),
                new ExpiryWalkClaims.Held(1002, NEXT, NEXT));
        c.release(shop, 2, RUN);
        assertThat(c.held(shop)).isEqualTo(List.of(new ExpiryWalkClaims.Held(1002, NEXT, NEXT)));
    }
}
