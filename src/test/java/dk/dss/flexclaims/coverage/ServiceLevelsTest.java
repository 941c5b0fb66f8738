package dk.dss.flexclaims.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dss.flexclaims.calendar.DanishWorkingDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due dates of the service levels (coverage-rules.md section 8). */
class ServiceLevelsTest {

  private final ServiceLevels sla = new ServiceLevels(new DanishWorkingDays());

  @ParameterizedTest(name = "received {0}: due {1}")
  @CsvSource({
    "2026-03-02T09:00:00Z, 2026-03-03T23:59:59+01:00",
    "2026-03-06T15:00:00Z, 2026-03-09T23:59:59+01:00",
    "2026-04-01T21:59:00Z, 2026-04-07T23:59:59+02:00",
    "2026-04-01T22:01:00Z, 2026-04-07T23:59:59+02:00",
    "2025-12-23T10:00:00Z, 2025-12-29T23:59:59+01:00"
  })
  void SLA_ASSESS_1WD(Instant received, String due) {
    assertThat(sla.assessmentDue(received).toOffsetDateTime().toString()).isEqualTo(due);
  }

  @ParameterizedTest(name = "approved {0}: exam by {1}")
  @CsvSource({
    "2026-03-02, 2026-03-16T23:59:59+01:00",
    "2025-12-19, 2026-01-09T23:59:59+01:00",
    "2026-03-27, 2026-04-15T23:59:59+02:00"
  })
  void SLA_EXAM_10WD(LocalDate approved, String due) {
    assertThat(sla.examStartDue(approved).toOffsetDateTime().toString()).isEqualTo(due);
  }

  @ParameterizedTest(name = "approved {0}: escalated after {1}, due {2}")
  @CsvSource({
    "2026-03-27, 2026-04-13, 2026-04-15",
    "2026-04-01, 2026-04-16, 2026-04-20",
    "2026-12-23, 2027-01-08, 2027-01-12",
    "2026-04-30, 2026-05-12, 2026-05-15",
    "2026-06-02, 2026-06-15, 2026-06-17"
  })
  void SLA_EXAM_10WD_escalates_two_working_days_before(
      LocalDate approved, LocalDate atRisk, LocalDate due) {
    assertThat(sla.examStartAtRisk(approved).toLocalDate()).isEqualTo(atRisk);
    assertThat(sla.examStartDue(approved).toLocalDate()).isEqualTo(due);
  }

  @ParameterizedTest(name = "extended to {0}: escalated at the end of {1}")
  @CsvSource({
    "2026-04-24, 2026-04-22", // a Friday: leaves Thursday and Friday
    "2026-04-27, 2026-04-23", // Monday: leaves Friday 24 and Monday 27
    "2026-04-08, 2026-04-01", // Wednesday after Easter: 2-6 April closed, leaves 7 and 8 April
    "2026-04-25, 2026-04-23"
  }) // a Saturday: leaves Friday 24 and the Saturday itself
  void SLA_EXAM_10WD_extended_for_capacity_escalates_two_working_days_before_the_new_deadline(
      LocalDate newDeadline, LocalDate atRisk) {
    assertThat(sla.examExtendedDue(newDeadline).toLocalDateTime())
        .isEqualTo(newDeadline.atTime(23, 59, 59));
    assertThat(sla.examExtendedAtRisk(newDeadline).toLocalDateTime())
        .isEqualTo(atRisk.atTime(23, 59, 59));
  }

  @Test
  void SLA_TRAUMA_3H_escalates_after_two_hours() {
    assertThat(sla.traumaCallbackAtRisk(Instant.parse("2026-03-07T22:30:00Z")))
        .isEqualTo(Instant.parse("2026-03-08T00:30:00Z"));
  }

  @Test
  void SLA_TRAUMA_3H() {
    assertThat(sla.traumaCallbackDue(Instant.parse("2026-03-07T22:30:00Z")))
        .isEqualTo(Instant.parse("2026-03-08T01:30:00Z"));
  }

  @Test
  void SLA_COMPLAINT_7WD() {
    assertThat(sla.complaintDue(LocalDate.of(2026, 3, 30)).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 4, 13));
    assertThat(ServiceLevels.complaintPossibleUntil(LocalDate.of(2026, 3, 31)))
        .isEqualTo(LocalDate.of(2026, 9, 30));
  }

  @Test
  void SLA_INVOICE_6M() {
    assertThat(ServiceLevels.invoicesAcceptedUntil(LocalDate.of(2026, 2, 10)))
        .isEqualTo(LocalDate.of(2026, 8, 10));
  }

  @ParameterizedTest(name = "received {0}: escalated {1}, due {2}")
  @CsvSource({
    "2026-03-29T21:10:00Z, 2026-03-29T21:55:00Z, 2026-03-29T22:10:00Z",
    "2026-12-24T23:30:00Z, 2026-12-25T00:15:00Z, 2026-12-25T00:30:00Z"
  })
  void SLA_TRAUMA_ASSESS_1H_around_the_clock(Instant received, Instant atRisk, Instant due) {
    assertThat(sla.traumaAssessmentAtRisk(received)).isEqualTo(atRisk);
    assertThat(sla.traumaAssessmentDue(received)).isEqualTo(due);
  }

  @ParameterizedTest(name = "asked {0}: reminder {1}, closed {2}")
  @CsvSource({
    "2026-03-27, 2026-04-15T23:59:59+02:00, 2026-05-15T23:59:59+02:00",
    "2026-12-18, 2027-01-07T23:59:59+01:00, 2027-02-06T23:59:59+01:00"
  })
  void ASSESS_ASK_INFO_reminder_after_10_working_days_closed_30_days_later(
      LocalDate asked, String reminder, String closed) {
    assertThat(sla.waitReminderAt(asked).toOffsetDateTime().toString()).isEqualTo(reminder);
    assertThat(sla.waitDeadline(sla.waitReminderAt(asked)).toOffsetDateTime().toString())
        .isEqualTo(closed);
  }

  @ParameterizedTest(name = "information received {0}: assessed by {1}")
  @CsvSource({
    "2026-04-08T11:30:00Z, 2026-04-09T23:59:59+02:00",
    "2026-04-01T12:00:00Z, 2026-04-07T23:59:59+02:00"
  })
  void SLA_INFO_WAIT_the_assessment_starts_afresh_from_the_receipt(Instant received, String due) {
    assertThat(sla.assessmentDue(received).toOffsetDateTime().toString()).isEqualTo(due);
  }

  // section 11: requests that are not claims

  @ParameterizedTest(name = "received {0}: call by {1}")
  @CsvSource({
    "2026-03-06T14:00:00Z, 2026-03-09T23:59:59+01:00",
    "2026-03-02T09:00:00Z, 2026-03-03T23:59:59+01:00",
    "2026-12-23T10:00:00Z, 2026-12-28T23:59:59+01:00"
  })
  void REQ_CALLBACK_by_the_end_of_the_next_working_day(Instant received, String due) {
    assertThat(sla.requestCallbackDue(received).toOffsetDateTime().toString()).isEqualTo(due);
  }

  @Test
  void REQ_CALLBACK_three_calls_then_not_reached() {
    assertThat(RequestRules.tryAgain(1)).isTrue();
    assertThat(RequestRules.tryAgain(2)).isTrue();
    assertThat(RequestRules.tryAgain(3)).isFalse();
  }

  @Test
  void REQ_SECOND_OPINION_records_and_a_summary_only_for_a_second_opinion() {
    assertThat(RequestRules.needsRecordsAndSummary(true)).isTrue();
    assertThat(RequestRules.needsRecordsAndSummary(false)).isFalse();
  }

  @Test
  void REQ_INSURED_ONLY_from_the_first_day_to_the_last() {
    LocalDate start = LocalDate.of(2026, 5, 1);
    LocalDate end = LocalDate.of(2026, 12, 31);
    assertThat(RequestRules.insuredOnly(true, start, end, start)).isEmpty();
    assertThat(RequestRules.insuredOnly(true, start, end, end)).isEmpty();
    assertThat(RequestRules.insuredOnly(true, start, null, LocalDate.of(2040, 1, 1))).isEmpty();
    assertThat(RequestRules.insuredOnly(true, start, end, start.minusDays(1)))
        .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("policyNumber"));
    assertThat(RequestRules.insuredOnly(true, start, end, end.plusDays(1)))
        .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo(RuleId.REQ_INSURED_ONLY));
    assertThat(RequestRules.insuredOnly(false, start, end, start))
        .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("personId"));
  }

  // section 12: complaints

  @ParameterizedTest(name = "settled {0}: last day {1}")
  @CsvSource({"2026-01-15, 2026-07-15", "2025-08-31, 2026-02-28", "2024-08-31, 2025-02-28"})
  void COMPLAINT_WINDOW_six_months_after_the_settlement(LocalDate settled, LocalDate last) {
    assertThat(ComplaintRules.lastDay(settled)).isEqualTo(last);
    assertThat(ComplaintRules.tooLate(settled, last)).isEmpty();
    assertThat(ComplaintRules.tooLate(settled, last.plusDays(1))).contains(last);
  }

  @Test
  void SLA_COMPLAINT_7WD_escalates_two_working_days_before() {
    // received Monday 30 March 2026: Easter (2, 3, 5, 6 April) in between
    LocalDate received = LocalDate.of(2026, 3, 30);
    assertThat(sla.complaintAtRisk(received).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 9));
    assertThat(sla.complaintDue(received).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 13));
  }

  @Test
  void COMPLAINT_HANDLING_a_second_person_signs() {
    assertThat(ComplaintRules.mayReview("karl", "kirsten")).isTrue();
    assertThat(ComplaintRules.mayReview("karl", "karl")).isFalse();
    assertThat(ComplaintRules.mayReview("karl", null)).isFalse();
  }

  @Test
  void COMPLAINT_REOPENS_a_rejection_is_reassessed_a_settlement_resettled() {
    assertThat(ComplaintRules.remedy(true, ComplaintRules.Subject.REJECTION))
        .isEqualTo(ComplaintRules.Remedy.REASSESS);
    assertThat(ComplaintRules.remedy(true, ComplaintRules.Subject.SETTLEMENT))
        .isEqualTo(ComplaintRules.Remedy.RESETTLE);
    assertThat(ComplaintRules.remedy(false, ComplaintRules.Subject.REJECTION))
        .isEqualTo(ComplaintRules.Remedy.NONE);
  }

  /** Other figures than the terms' (ADR 0018): a process owner's 8 working days, and so on. */
  private static ServiceLevelDurations changed() {
    return new ServiceLevelDurations(
        8,
        1,
        Duration.ofHours(2),
        Duration.ofMinutes(30),
        2,
        Duration.ofMinutes(30),
        Duration.ofMinutes(10),
        5,
        1,
        2,
        5,
        14);
  }

  @Test
  void theFiguresInForceWhenAClockStartedDecideItsDeadlines() {
    ServiceLevels other = sla.with(changed());
    LocalDate friday = LocalDate.of(2026, 3, 27);
    // 30, 31 Mar, 1, 7, 8, 9, 10, 13 Apr (8th): due 13 April, escalated 1 before (10 April)
    assertThat(other.examStartDue(friday).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 13));
    assertThat(other.examStartAtRisk(friday).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(other.examExtendedAtRisk(LocalDate.of(2026, 4, 24)).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 4, 23));
    Instant approved = Instant.parse("2026-03-07T22:30:00Z");
    assertThat(other.traumaCallbackDue(approved)).isEqualTo(Instant.parse("2026-03-08T00:30:00Z"));
    assertThat(other.traumaCallbackAtRisk(approved))
        .isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
    assertThat(other.traumaAssessmentDue(approved))
        .isEqualTo(Instant.parse("2026-03-07T23:00:00Z"));
    assertThat(other.traumaAssessmentAtRisk(approved))
        .isEqualTo(Instant.parse("2026-03-07T22:50:00Z"));
    Instant monday = Instant.parse("2026-03-02T09:00:00Z");
    assertThat(other.assessmentDue(monday).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(other.requestCallbackDue(monday).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(other.complaintDue(LocalDate.of(2026, 3, 2)).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(other.complaintAtRisk(LocalDate.of(2026, 3, 2)).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 3, 6));
    assertThat(other.waitReminderAt(LocalDate.of(2026, 3, 2)).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(other.waitDeadline(other.waitReminderAt(LocalDate.of(2026, 3, 2))).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 3, 23));
    // the calendar stays, the terms' figures are the default
    assertThat(sla.durations()).isEqualTo(ServiceLevelDurations.TERMS);
    assertThat(other.with(ServiceLevelDurations.TERMS).examStartDue(friday))
        .isEqualTo(sla.examStartDue(friday));
  }

  @Test
  void anEscalationComesAfterTheStartAndNotAfterTheDeadline() {
    assertThatThrownBy(
            () ->
                new ServiceLevelDurations(
                    3,
                    3,
                    Duration.ofHours(3),
                    Duration.ofHours(1),
                    1,
                    Duration.ofHours(1),
                    Duration.ofMinutes(15),
                    7,
                    2,
                    1,
                    10,
                    30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escalation of the examination");
    assertThatThrownBy(
            () ->
                new ServiceLevelDurations(
                    10,
                    2,
                    Duration.ofHours(1),
                    Duration.ofHours(1),
                    1,
                    Duration.ofHours(1),
                    Duration.ofMinutes(15),
                    7,
                    2,
                    1,
                    10,
                    30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escalation of the trauma callback");
    assertThatThrownBy(
            () ->
                new ServiceLevelDurations(
                    0,
                    0,
                    Duration.ofHours(3),
                    Duration.ofHours(1),
                    1,
                    Duration.ofHours(1),
                    Duration.ofMinutes(15),
                    7,
                    2,
                    1,
                    10,
                    30))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
