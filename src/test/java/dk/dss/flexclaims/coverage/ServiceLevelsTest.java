package dk.dss.flexclaims.coverage;

import dk.dss.flexclaims.calendar.DanishWorkingDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Due dates of the service levels (coverage-rules.md section 8). */
class ServiceLevelsTest {

    private final ServiceLevels sla = new ServiceLevels(new DanishWorkingDays());

    @ParameterizedTest(name = "received {0}: due {1}")
    @CsvSource({"2026-03-02T09:00:00Z, 2026-03-03T23:59:59+01:00", "2026-03-06T15:00:00Z, 2026-03-09T23:59:59+01:00",
            "2026-04-01T21:59:00Z, 2026-04-07T23:59:59+02:00", "2026-04-01T22:01:00Z, 2026-04-07T23:59:59+02:00",
            "2025-12-23T10:00:00Z, 2025-12-29T23:59:59+01:00"})
    void SLA_ASSESS_1WD(Instant received, String due) {
        assertThat(sla.assessmentDue(received).toOffsetDateTime().toString()).isEqualTo(due);
    }

    @ParameterizedTest(name = "approved {0}: exam by {1}")
    @CsvSource({"2026-03-02, 2026-03-16T23:59:59+01:00", "2025-12-19, 2026-01-09T23:59:59+01:00",
            "2026-03-27, 2026-04-15T23:59:59+02:00"})
    void SLA_EXAM_10WD(LocalDate approved, String due) {
        assertThat(sla.examStartDue(approved).toOffsetDateTime().toString()).isEqualTo(due);
    }

    @ParameterizedTest(name = "approved {0}: escalated after {1}, due {2}")
    @CsvSource({"2026-03-27, 2026-04-13, 2026-04-15", "2026-04-01, 2026-04-16, 2026-04-20",
            "2026-12-23, 2027-01-08, 2027-01-12", "2026-04-30, 2026-05-12, 2026-05-15",
            "2026-06-02, 2026-06-15, 2026-06-17"})
    void SLA_EXAM_10WD_escalates_two_working_days_before(LocalDate approved, LocalDate atRisk, LocalDate due) {
        assertThat(sla.examStartAtRisk(approved).toLocalDate()).isEqualTo(atRisk);
        assertThat(sla.examStartDue(approved).toLocalDate()).isEqualTo(due);
    }

    @ParameterizedTest(name = "extended to {0}: escalated at the end of {1}")
    @CsvSource({
            "2026-04-24, 2026-04-22",   // a Friday: leaves Thursday and Friday
            "2026-04-27, 2026-04-23",   // Monday: leaves Friday 24 and Monday 27
            "2026-04-08, 2026-04-01",   // Wednesday after Easter: 2-6 April closed, leaves 7 and 8 April
            "2026-04-25, 2026-04-23"})  // a Saturday: leaves Friday 24 and the Saturday itself
    void SLA_EXAM_10WD_extended_for_capacity_escalates_two_working_days_before_the_new_deadline(LocalDate newDeadline,
                                                                                              LocalDate atRisk) {
        assertThat(sla.examExtendedDue(newDeadline).toLocalDateTime()).isEqualTo(newDeadline.atTime(23, 59, 59));
        assertThat(sla.examExtendedAtRisk(newDeadline).toLocalDateTime()).isEqualTo(atRisk.atTime(23, 59, 59));
    }

    @Test
    void SLA_TRAUMA_3H_escalates_after_two_hours() {
        assertThat(sla.traumaCallbackAtRisk(Instant.parse("2026-03-07T22:30:00Z"))).isEqualTo(Instant.parse("2026-03-08T00:30:00Z"));
    }

    @Test
    void SLA_TRAUMA_3H() {
        assertThat(sla.traumaCallbackDue(Instant.parse("2026-03-07T22:30:00Z"))).isEqualTo(Instant.parse("2026-03-08T01:30:00Z"));
    }

    @Test
    void SLA_COMPLAINT_7WD() {
        assertThat(sla.complaintDue(LocalDate.of(2026, 3, 30)).toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(ServiceLevels.complaintPossibleUntil(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void SLA_INVOICE_6M() {
        assertThat(ServiceLevels.invoicesAcceptedUntil(LocalDate.of(2026, 2, 10))).isEqualTo(LocalDate.of(2026, 8, 10));
    }

    @ParameterizedTest(name = "received {0}: escalated {1}, due {2}")
    @CsvSource({"2026-03-29T21:10:00Z, 2026-03-29T21:55:00Z, 2026-03-29T22:10:00Z",
            "2026-12-24T23:30:00Z, 2026-12-25T00:15:00Z, 2026-12-25T00:30:00Z"})
    void SLA_TRAUMA_ASSESS_1H_around_the_clock(Instant received, Instant atRisk, Instant due) {
        assertThat(sla.traumaAssessmentAtRisk(received)).isEqualTo(atRisk);
        assertThat(sla.traumaAssessmentDue(received)).isEqualTo(due);
    }

    @ParameterizedTest(name = "asked {0}: reminder {1}, closed {2}")
    @CsvSource({"2026-03-27, 2026-04-15T23:59:59+02:00, 2026-05-15T23:59:59+02:00",
            "2026-12-18, 2027-01-07T23:59:59+01:00, 2027-02-06T23:59:59+01:00"})
    void ASSESS_ASK_INFO_reminder_after_10_working_days_closed_30_days_later(LocalDate asked, String reminder,
            String closed) {
        assertThat(sla.waitReminderAt(asked).toOffsetDateTime().toString()).isEqualTo(reminder);
        assertThat(ServiceLevels.waitDeadline(sla.waitReminderAt(asked)).toOffsetDateTime().toString())
                .isEqualTo(closed);
    }

    @ParameterizedTest(name = "information received {0}: assessed by {1}")
    @CsvSource({"2026-04-08T11:30:00Z, 2026-04-09T23:59:59+02:00", "2026-04-01T12:00:00Z, 2026-04-07T23:59:59+02:00"})
    void SLA_INFO_WAIT_the_assessment_starts_afresh_from_the_receipt(Instant received, String due) {
        assertThat(sla.assessmentDue(received).toOffsetDateTime().toString()).isEqualTo(due);
    }
}
