package io.exflux.testkit.sim;

import java.math.BigDecimal;

/** When a stop order wakes up, compared with the market's last trade price. */
public enum StopCondition {
    /** Trigger when the last trade price is at or above the stop price. */
    AT_OR_ABOVE,
    /** Trigger when the last trade price is at or below the stop price. */
    AT_OR_BELOW;

    boolean isMet(BigDecimal lastPrice, BigDecimal stopPrice) {
        int order = lastPrice.compareTo(stopPrice);
        return this == AT_OR_ABOVE ? order >= 0 : order <= 0;
    }
}
