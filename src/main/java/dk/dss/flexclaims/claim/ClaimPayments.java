package dk.dss.flexclaims.claim;

import java.math.BigDecimal;

/**
 * What has been paid on a claim, for its view (answered by the settlement, which owns the
 * invoices).
 */
public interface ClaimPayments {

  /** The total paid on the claim's settled invoices, DKK, scale 2. */
  BigDecimal paidTotal(String claimNumber);

  /** When the claim's last invoice was settled (paid or refused), if any was (COMPLAINT_WINDOW). */
  java.util.Optional<java.time.OffsetDateTime> lastSettledAt(String claimNumber);
}
