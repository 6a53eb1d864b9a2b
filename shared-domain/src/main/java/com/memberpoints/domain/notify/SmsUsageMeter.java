package com.memberpoints.domain.notify;

import com.memberpoints.domain.model.MerchantId;
import java.time.YearMonth;

/**
 * SMS usage per merchant per month (in the merchant's time zone), which the merchant is billed for. Usage is
 * added by {@link DeliveryStore#markSent} in the same atomic write that marks an SMS sent; this port reads it.
 */
public interface SmsUsageMeter {

    SmsUsage usage(MerchantId merchant, YearMonth month);

    /** Parts and messages sent; zero when nothing was sent that month. */
    record SmsUsage(MerchantId merchant, YearMonth month, long parts, long messages) {
        public SmsUsage {
            java.util.Objects.requireNonNull(merchant, "merchant");
            java.util.Objects.requireNonNull(month, "month");
        }
    }
}
