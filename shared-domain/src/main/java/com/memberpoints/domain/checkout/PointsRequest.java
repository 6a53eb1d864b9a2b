package com.memberpoints.domain.checkout;

/** The points the member asks to apply: nothing entered (apply the maximum) or a number. */
public sealed interface PointsRequest {

    /** Nothing entered: the quote applies the maximum allowed. */
    record Maximum() implements PointsRequest {}

    /** A number entered: 0 applies none; below one unit is refused; otherwise rounded down to the unit. */
    record Exactly(long points) implements PointsRequest {}

    PointsRequest MAXIMUM = new Maximum();

    static PointsRequest exactly(long points) {
        return new Exactly(points);
    }
}
