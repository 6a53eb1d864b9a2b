package com.memberpoints.domain.settings;

import java.math.BigDecimal;
import java.util.Objects;

/** An order reward credit rule: minimum order amount (merchant currency), type and validity. */
public record CreditRule(BigDecimal minimum, CreditType type, CreditValidity validity) {
    public CreditRule {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validity, "validity");
    }
}
