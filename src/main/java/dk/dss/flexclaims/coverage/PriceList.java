package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * PREMIUM_PRICE, POLICY_RENEWAL: a price list — annual prices per policyholder and per co-insured
 * child (both including the statutory non-life insurance fee) and per policy for the Danish
 * Guarantee Fund — in force from a date on. An index adjustment ({@code indexOnly}) needs no
 * notice; any other change gives the policyholder the CANCEL_PRICE_CHANGE right from the day it was
 * notified.
 */
public record PriceList(
    LocalDate validFrom,
    BigDecimal policyholder,
    BigDecimal child,
    BigDecimal guaranteeFund,
    boolean indexOnly,
    LocalDate notifiedOn) {
  public PriceList {
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(policyholder, "policyholder");
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(guaranteeFund, "guaranteeFund");
    Objects.requireNonNull(notifiedOn, "notifiedOn");
  }

  /** The annual premium of a policy with the given number of co-insured children. */
  public BigDecimal annualPremium(int children) {
    if (children < 0) {
      throw new IllegalArgumentException("children must not be negative");
    }
    return policyholder.add(child.multiply(BigDecimal.valueOf(children))).add(guaranteeFund);
  }
}
