package dk.dss.flexclaims.claim;

import dk.dss.flexclaims.coverage.Cause;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.IncidentType;
import dk.dss.flexclaims.coverage.RuleId;
import dk.dss.flexclaims.coverage.TreatmentLocation;
import dk.dss.flexclaims.coverage.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The claims table ({@code flex_claims}), its only reader and writer. The status is written only
 * through {@link ClaimLifecycle}.
 */
@Repository
public class ClaimRepository {

  private final JdbcClient jdbc;

  ClaimRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Claim c) {
    jdbc.sql(
            """
        INSERT INTO flex_claims (claim_number, policy_number, person_id, cover, original_cover, icd10, description,
          onset_date, chronic, referral_date, referral_issuer, arose_abroad, treatment_location, acute, cause,
          treatment_started_before_policy, reported_to_former_insurer, other_insurance, incident_type,
          incident_occurred_at, incident_police_report, status, reasons, reported_at)
        VALUES (:claimNumber, :policyNumber, :personId, :cover, :originalCover, :icd10, :description,
          :onsetDate, :chronic, :referralDate, :referralIssuer, :aroseAbroad, :treatmentLocation, :acute, :cause,
          :startedBefore, :formerInsurer, :otherInsurance, :incidentType,
          :incidentOccurredAt, :incidentPoliceReport, :status, '', :reportedAt)
        """)
        .param("claimNumber", c.claimNumber())
        .param("policyNumber", c.policyNumber())
        .param("personId", c.personId())
        .param("cover", c.cover().name())
        .param("originalCover", c.originalCover().name())
        .param("icd10", c.icd10())
        .param("description", c.description())
        .param("onsetDate", c.onsetDate())
        .param("chronic", c.chronic())
        .param("referralDate", c.referralDate())
        .param("referralIssuer", c.referralIssuer())
        .param("aroseAbroad", c.aroseAbroad())
        .param("treatmentLocation", c.treatmentLocation().name())
        .param("acute", c.acute())
        .param("cause", c.cause().name())
        .param("startedBefore", c.treatmentStartedBeforePolicy())
        .param("formerInsurer", c.reportedToFormerInsurer())
        .param("otherInsurance", c.otherInsurance())
        .param("incidentType", c.incidentType() == null ? null : c.incidentType().name())
        .param("incidentOccurredAt", c.incidentOccurredAt())
        .param("incidentPoliceReport", c.incidentPoliceReport())
        .param("status", c.status().name())
        .param("reportedAt", c.reportedAt())
        .update();
  }

  public Optional<Claim> find(String claimNumber) {
    return jdbc.sql("SELECT * FROM flex_claims WHERE claim_number = :n")
        .param("n", claimNumber)
        .query(ClaimRepository::map)
        .optional();
  }

  /** The claim, locked for this transaction: decisions on one claim never interleave. */
  public Claim lock(String claimNumber) {
    return jdbc.sql("SELECT * FROM flex_claims WHERE claim_number = :n FOR UPDATE")
        .param("n", claimNumber)
        .query(ClaimRepository::map)
        .optional()
        .orElseThrow(() -> new IllegalStateException("No claim " + claimNumber));
  }

  /** The insured's phone for the health team's calls, as given when the claim was reported. */
  void setPhone(String claimNumber, String phone) {
    update("phone = :v", claimNumber, phone);
  }

  /** The insured's phone, when the claim was reported with one. */
  Optional<String> phoneOf(String claimNumber) {
    return jdbc.sql("SELECT phone FROM flex_claims WHERE claim_number = :n")
        .param("n", claimNumber)
        .query(String.class)
        .optional();
  }

  public void setProcessInstance(String claimNumber, String processInstanceId) {
    update("process_instance_id = :v", claimNumber, processInstanceId);
  }

  /** The automated check's outcome. */
  public void recordCheck(
      String claimNumber,
      Verdict verdict,
      Cover cover,
      Collection<RuleId> reasons,
      LocalDate newClaimPossibleFrom) {
    jdbc.sql(
            """
        UPDATE flex_claims SET verdict = :verdict, cover = :cover, reasons = :reasons,
          new_claim_possible_from = :from, version = version + 1
        WHERE claim_number = :n""")
        .param("verdict", verdict.name())
        .param("cover", cover.name())
        .param("reasons", RuleId.join(reasons))
        .param("from", newClaimPossibleFrom)
        .param("n", claimNumber)
        .update();
  }

  void setStatus(String claimNumber, ClaimStatus status) {
    update("status = :v", claimNumber, status.name());
  }

  public void setCover(String claimNumber, Cover cover) {
    update("cover = :v", claimNumber, cover.name());
  }

  public void setReferral(String claimNumber, LocalDate date, String issuer) {
    jdbc.sql(
            "UPDATE flex_claims SET referral_date = :d, referral_issuer = :i, version = version + 1"
                + " WHERE claim_number = :n")
        .param("d", date)
        .param("i", issuer)
        .param("n", claimNumber)
        .update();
  }

  /** The decision that ends the assessment, approved or rejected. */
  void recordDecision(
      String claimNumber,
      ClaimStatus status,
      Integer approvedTreatments,
      Collection<RuleId> reasons,
      OffsetDateTime decidedAt) {
    jdbc.sql(
            """
        UPDATE flex_claims SET status = :status, approved_treatments = :approved, reasons = :reasons,
          decided_at = :at, version = version + 1
        WHERE claim_number = :n""")
        .param("status", status.name())
        .param("approved", approvedTreatments)
        .param("reasons", RuleId.join(reasons))
        .param("at", decidedAt)
        .param("n", claimNumber)
        .update();
  }

  /** SLA_INVOICE_6M: the last day the claim takes invoices. */
  public void setInvoicesUntil(String claimNumber, LocalDate lastDay) {
    update("invoices_until = :v", claimNumber, lastDay);
  }

  /**
   * The last day the claim takes invoices (SLA_INVOICE_6M), once its course has started; else
   * empty.
   */
  public Optional<LocalDate> invoicesUntil(String claimNumber) {
    return Optional.ofNullable(
        jdbc.sql("SELECT invoices_until FROM flex_claims WHERE claim_number = :n")
            .param("n", claimNumber)
            .query((rs, row) -> rs.getObject(1, LocalDate.class))
            .single());
  }

  /** Whether the person has another claim with an open course of treatment (LIMIT_ONE_COURSE). */
  public boolean hasOpenCourse(String personId, String otherThanClaim) {
    return jdbc.sql(
                """
            SELECT COUNT(*) FROM flex_claims WHERE person_id = :person AND claim_number <> :exclude
            AND status IN (:statuses)""")
            .param("person", personId)
            .param("exclude", otherThanClaim == null ? "" : otherThanClaim)
            .param("statuses", names(ClaimStatus.OPEN_COURSE))
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The ICD-10 codes of the person's other claims under a cover that the health team approved at
   * some point (LIMIT_MENTAL_RECURRENT, LIMIT_EXAM_REPEAT).
   */
  public Set<String> approvedIcd10Codes(String personId, Cover cover, String otherThanClaim) {
    return new HashSet<>(
        jdbc.sql(
                """
            SELECT icd10 FROM flex_claims WHERE person_id = :person AND claim_number <> :exclude
            AND cover = :cover AND status IN (:statuses) AND icd10 IS NOT NULL""")
            .param("person", personId)
            .param("exclude", otherThanClaim == null ? "" : otherThanClaim)
            .param("cover", cover.name())
            .param("statuses", names(ClaimStatus.APPROVED_ONCE))
            .query(String.class)
            .list());
  }

  /** The numbers of every claim of the person. */
  public List<String> claimNumbersOf(String personId) {
    return jdbc.sql(
            "SELECT claim_number FROM flex_claims WHERE person_id = :person ORDER BY claim_number")
        .param("person", personId)
        .query(String.class)
        .list();
  }

  /** ASSESS_ASK_INFO: what the health team asked for. */
  public void setInformationNeeded(String claimNumber, InformationKind needed) {
    update("information_needed = :v", claimNumber, needed.name());
  }

  /** What the health team asked for last, if anything. */
  public InformationKind informationNeeded(String claimNumber) {
    return jdbc.sql("SELECT information_needed FROM flex_claims WHERE claim_number = :n")
        .param("n", claimNumber)
        .query(
            (rs, row) -> rs.getString(1) == null ? null : InformationKind.valueOf(rs.getString(1)))
        .single();
  }

  /** The information the health team asked for has arrived. */
  public void setInformationReceived(
      String claimNumber, InformationKind kind, OffsetDateTime receivedAt) {
    jdbc.sql(
            "UPDATE flex_claims SET information_received_kind = :k, information_received_at = :at,"
                + " version = version + 1 WHERE claim_number = :n")
        .param("k", kind.name())
        .param("at", receivedAt)
        .param("n", claimNumber)
        .update();
  }

  public void setAssessmentNote(String claimNumber, String note) {
    update("assessment_note = :v", claimNumber, note);
  }

  private static List<String> names(Set<ClaimStatus> statuses) {
    return statuses.stream().map(Enum::name).sorted().toList();
  }

  private void update(String assignment, String claimNumber, Object value) {
    jdbc.sql(
            "UPDATE flex_claims SET "
                + assignment
                + ", version = version + 1 WHERE claim_number = :n")
        .param("v", value)
        .param("n", claimNumber)
        .update();
  }

  private static Claim map(ResultSet rs, int row) throws SQLException {
    return new Claim(
        rs.getString("claim_number"),
        rs.getString("policy_number"),
        rs.getString("person_id"),
        Cover.valueOf(rs.getString("cover")),
        Cover.valueOf(rs.getString("original_cover")),
        rs.getString("icd10"),
        rs.getString("description"),
        rs.getObject("onset_date", LocalDate.class),
        rs.getBoolean("chronic"),
        rs.getObject("referral_date", LocalDate.class),
        rs.getString("referral_issuer"),
        rs.getBoolean("arose_abroad"),
        TreatmentLocation.valueOf(rs.getString("treatment_location")),
        rs.getBoolean("acute"),
        Cause.valueOf(rs.getString("cause")),
        rs.getBoolean("treatment_started_before_policy"),
        rs.getBoolean("reported_to_former_insurer"),
        rs.getBoolean("other_insurance"),
        rs.getString("incident_type") == null
            ? null
            : IncidentType.valueOf(rs.getString("incident_type")),
        rs.getObject("incident_occurred_at", OffsetDateTime.class),
        rs.getString("incident_police_report"),
        ClaimStatus.valueOf(rs.getString("status")),
        rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict")),
        RuleId.listOf(rs.getString("reasons")),
        (Integer) rs.getObject("approved_treatments"),
        rs.getObject("reported_at", OffsetDateTime.class),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("process_instance_id"),
        rs.getObject("new_claim_possible_from", LocalDate.class),
        rs.getString("assessment_note"),
        rs.getInt("version"));
  }
}
