package com.memberpoints.domain.checkout;

import com.memberpoints.domain.settings.Timing;
import com.memberpoints.domain.earning.CreditsOutcome;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.model.Money;

/**
 * The full checkout breakdown (SPEC §3).
 *
 * <p>{@code total = itemSubtotal − discounts − storeCredits − pointDiscount + deliveryFee + paymentFee}.
 *
 * @param amountAfterDiscountsAndCredits base of the minimum order amount and of the percentage cap
 * @param eligibleAmount                 the most the point discount may reach (eligible items' amount)
 * @param maxPointDiscount               the largest point discount allowed (cap and eligible amount, whole
 *                                       units, before the balance)
 * @param maxPointsAllowed               the most points that can be applied (balance, cap, eligible amount,
 *                                       whole redemption units); 0 when redemption is unavailable
 * @param remainingBalance               balance − applied points
 * @param settingsVersion                the settings version this quote was computed with
 * @param pointsGivenWhen                when the order's points would be given, with its text (issue 11.5)
 * @param creditsGivenWhen               when its reward credits would be given, with its text
 */
public record Quote(
        Money itemSubtotal,
        Money discounts,
        Money storeCredits,
        Money amountAfterDiscountsAndCredits,
        Money eligibleAmount,
        Money maxPointDiscount,
        long pointsBalance,
        long redemptionUnit,
        long maxPointsAllowed,
        long appliedPoints,
        Money pointDiscount,
        Money deliveryFee,
        Money paymentFee,
        Money total,
        long remainingBalance,
        Redemption redemption,
        PointsOutcome pointsToEarn,
        CreditsOutcome creditsToEarn,
        CreditReminder creditReminder,
        long settingsVersion,
        Timing pointsGivenWhen,
        Timing creditsGivenWhen) {}
