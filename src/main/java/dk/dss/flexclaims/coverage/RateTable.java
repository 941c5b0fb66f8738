package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Index-adjusted rates, each valid from a date (coverage-rules.md section 7). The rate that applies
 * to a treatment is the one in force on the treatment date.
 */
public interface RateTable {

  /** PAY_PHYSIO_NO_AGREEMENT: full fee for general physiotherapy. */
  Optional<BigDecimal> physioFullFee(LocalDate on);

  /** PAY_CHIRO_SHARE: the patient's share of the rate for general chiropractic. */
  Optional<BigDecimal> chiroPatientShare(LocalDate on);

  /** PAY_NETWORK_DIRECT: the agreed network price of one treatment under a cover. */
  Optional<BigDecimal> networkPrice(Cover cover, LocalDate on);

  /**
   * PAY_DANMARK_OFFSET: the subsidy Sygeforsikringen "danmark" pays a member for one treatment
   * under a cover, for invoice lines that do not state it. Empty when "danmark" pays nothing for
   * the cover.
   */
  Optional<BigDecimal> danmarkSubsidy(Cover cover, LocalDate on);
}
