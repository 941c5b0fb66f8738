package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rates of the settlement rules, each valid from a date (coverage-rules.md section 7): the
 * index-adjusted ones and the osteopathy rates of the terms. The rate that applies to a treatment
 * is the one in force on the treatment date.
 */
public interface RateTable {

  /** PAY_PHYSIO_NO_AGREEMENT: full fee for general physiotherapy. */
  Optional<BigDecimal> physioFullFee(LocalDate on);

  /** PAY_CHIRO_SHARE: the patient's share of the rate for general chiropractic. */
  Optional<BigDecimal> chiroPatientShare(LocalDate on);

  /**
   * PAY_OSTEO_RATE: the most paid for an osteopathy treatment, the first in a claim or a later one
   * (the terms: DKK 650.00 and 500.00).
   */
  Optional<BigDecimal> osteoRate(boolean firstInClaim, LocalDate on);

  /** PAY_NETWORK_DIRECT: the agreed network price of one treatment under a cover. */
  Optional<BigDecimal> networkPrice(Cover cover, LocalDate on);

  /**
   * PAY_DANMARK_OFFSET: the subsidy Sygeforsikringen "danmark" pays a member for one treatment
   * under a cover, for invoice lines that do not state it. Empty when "danmark" pays nothing for
   * the cover.
   */
  Optional<BigDecimal> danmarkSubsidy(Cover cover, LocalDate on);
}
