package org.openhqd.platform.community;

import java.math.BigDecimal;

/**
 * One line of the calculation sheet: what it is ({@code key}; the page names it through the message
 * {@code bp.step.<key>}), how it was computed from the lines above with the actual numbers, and the result.
 *
 * @param amount yuan, or a percentage for {@code retentionFactor}
 */
public record CalculationStep(String key, String formula, BigDecimal amount) {
}
