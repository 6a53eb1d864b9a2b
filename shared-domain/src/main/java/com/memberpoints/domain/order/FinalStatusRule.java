package com.memberpoints.domain.order;

import com.memberpoints.domain.model.DeliveryOptionCode;
import com.memberpoints.domain.settings.DeliveryOptionMapping;
import com.memberpoints.domain.settings.FinalDeliveryStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Which delivery status is final for an order (SPEC §4a), decided from its delivery option: the merchant's mapping
 * first, then the article's list ({@link StandardDeliveryOption}). An option in neither, or an order whose events
 * never named one, gets the conservative rule of docs/decisions.md ("11.1"): Arrived or Collected starts the
 * countdown, and a Returned status before the points are assigned removes the assignment (that part holds for
 * every option).
 */
public sealed interface FinalStatusRule {

    /** True when {@code status} is the final status under this rule (the one that starts the countdown). */
    boolean isFinal(DeliveryStatus status);

    /** What the rule was decided from, for logs and metrics: {@code merchant}, {@code default}, {@code unmapped}, {@code none}. */
    String source();

    /** The option's final status is known (from the merchant's mapping or the built-in list). */
    record Mapped(DeliveryOptionCode option, FinalDeliveryStatus finalStatus, boolean byMerchant)
            implements FinalStatusRule {
        public Mapped {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(finalStatus, "finalStatus");
        }

        @Override
        public boolean isFinal(DeliveryStatus status) {
            return switch (finalStatus) {
                case ARRIVED -> status == DeliveryStatus.ARRIVED;
                case COLLECTED -> status == DeliveryStatus.COLLECTED;
            };
        }

        @Override
        public String source() {
            return byMerchant ? "merchant" : "default";
        }
    }

    /** An option neither the merchant nor the built-in list knows: the merchant should map it. */
    record Unmapped(DeliveryOptionCode option) implements FinalStatusRule {
        public Unmapped {
            Objects.requireNonNull(option, "option");
        }

        @Override
        public boolean isFinal(DeliveryStatus status) {
            return status.canBeFinal();
        }

        @Override
        public String source() {
            return "unmapped";
        }
    }

    /** No event of the order named its option (a platform that does not send it yet). */
    record NoOption() implements FinalStatusRule {
        @Override
        public boolean isFinal(DeliveryStatus status) {
            return status.canBeFinal();
        }

        @Override
        public String source() {
            return "none";
        }
    }

    /** The rule for an order with {@code option} under the merchant's {@code mapping}. */
    static FinalStatusRule of(Optional<DeliveryOptionCode> option, DeliveryOptionMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        if (option.isEmpty()) {
            return new NoOption();
        }
        DeliveryOptionCode code = option.get();
        FinalDeliveryStatus mapped = mapping.finalStatus().get(code.value());
        if (mapped != null) {
            return new Mapped(code, mapped, true);
        }
        return StandardDeliveryOption.byCode(code)
                .<FinalStatusRule>map(s -> new Mapped(code, s.finalStatus(), false))
                .orElseGet(() -> new Unmapped(code));
    }
}
