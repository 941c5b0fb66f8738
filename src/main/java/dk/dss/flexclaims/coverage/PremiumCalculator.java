package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;

/**
 * PREMIUM_PRICE: the annual price of a policy — DKK 1,895 per policyholder and DKK 1,019 per
 * co-insured child (both including the 1.1 % statutory non-life insurance fee) plus DKK 40 per
 * policy for the Danish Guarantee Fund. The figures are the product page's; an index-adjusted price
 * list replaces them when it exists.
 */
public final class PremiumCalculator {

  public static final BigDecimal POLICYHOLDER = new BigDecimal("1895.00");
  public static final BigDecimal CHILD = new BigDecimal("1019.00");
  public static final BigDecimal GUARANTEE_FUND = new BigDecimal("40.00");

  public BigDecimal annualPremium(int children) {
    if (children < 0) {
      throw new IllegalArgumentException("children must not be negative");
    }
    return POLICYHOLDER.add(CHILD.multiply(BigDecimal.valueOf(children))).add(GUARANTEE_FUND);
  }
}
