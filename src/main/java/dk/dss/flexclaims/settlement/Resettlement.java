package dk.dss.flexclaims.settlement;

import java.math.BigDecimal;

/**
 * An invoice resettled after an upheld complaint about its settlement (COMPLAINT_REOPENS).
 *
 * @param paidBefore the invoice's paid total before, DKK
 * @param paidAfter the corrected total, DKK
 * @param paidNow the difference paid now; zero when the correction pays nothing more
 * @param resettledBy the finance user who set the corrected total
 */
public record Resettlement(
    String complaintNumber,
    String invoiceNumber,
    BigDecimal paidBefore,
    BigDecimal paidAfter,
    BigDecimal paidNow,
    String resettledBy) {}
