package dk.dss.flexclaims.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.calendar.DanishWorkingDays;
import dk.dss.flexclaims.coverage.ServiceLevels;
import dk.dss.flexclaims.sla.RouteScenarios.Route;
import dk.dss.flexclaims.sla.ServiceLevelClock.LapseReason;
import dk.dss.flexclaims.sla.ServiceLevelClock.Outcome;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.ParameterRows;
import dk.dss.flexclaims.support.ProcessCoverage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SLA_EXAM_10WD: the specialist examination route with the real delegates, the clocks table and the
 * engine clock moved across weekends and Danish holidays. Expected dates are counted by hand from
 * the calendar in the comments.
 */
@FlexIntegrationTest
@ProcessCoverage.NotMeasured({"claim-handling", "policy-lifecycle"})
class SpecialistExaminationProcessTest extends RouteFixture {

  @Autowired HistoryService history;
  @Autowired ServiceLevelRecalculation timers;
  @Autowired JdbcClient jdbc;

  private Task booking(Route route) {
    return tasks
        .createTaskQuery()
        .processInstanceId(route.id())
        .taskDefinitionKey("Task_BookExamination")
        .singleResult();
  }

  private Task followUp(Route route) {
    return tasks
        .createTaskQuery()
        .processInstanceId(route.id())
        .taskDefinitionKey("Task_FollowUpExaminationDeadline")
        .singleResult();
  }

  private Date jobDue(Route route, String timer) {
    Job job =
        management.createJobQuery().processInstanceId(route.id()).activityId(timer).singleResult();
    return job == null ? null : job.getDuedate();
  }

  @Test
  void aBookingForADayAfterTheDeadlineRecordsTheBreachAtTheDeadlineNotBefore() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    at(LocalDateTime.of(2026, 3, 30, 9, 0), route);
    tasks.complete(
        booking(route).getId(),
        withVariables(
            "bookingOutcome",
            "BOOKED",
            "examinationDate",
            "2026-04-20",
            "examinationProvider",
            "Privathospitalet Aros",
            "examinationSector",
            "PRIVATE",
            "publicDateInTime",
            false));
    ServiceLevelClock late = clock(route);
    assertThat(late.outcome()).isEqualTo(ServiceLevelClock.Outcome.LATE);
    // due at the end of 15 April; the examination on 20 April
    assertThat(late.breachedAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 15, 23, 59, 59)).toInstant());
  }

  @Test
  void anExaminationDateBeforeTheApprovalIsRefused() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    String id = booking(route).getId();
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id,
                    withVariables(
                        "bookingOutcome",
                        "BOOKED",
                        "examinationDate",
                        "2026-03-20",
                        "examinationProvider",
                        "Aros",
                        "examinationSector",
                        "PRIVATE",
                        "publicDateInTime",
                        false)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("before the approval");
    assertThat(clock(route).running()).isTrue();
  }

  @Test
  void aRouteEndedByHandLeavesNoOpenClock() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    assertThat(clock(route).running()).isTrue();

    runtime.deleteProcessInstance(route.id(), "cancelled in Cockpit");

    assertThat(clock(route).running()).isFalse();
    assertThat(clock(route).outcome()).isEqualTo(ServiceLevelClock.Outcome.CANCELLED);
    assertThat(serviceLevels.running())
        .extracting(ServiceLevelClock::processInstanceId)
        .doesNotContain(route.id());
  }

  @ParameterizedTest(name = "approved {0}: escalated at the end of {1}, due at the end of {2}")
  @CsvSource({
    // Friday before Palm Sunday: 30, 31 Mar, 1 Apr (2-6 Apr Easter closed), 7, 8, 9, 10, 13 (8th),
    // 14, 15 Apr (10th)
    "2026-03-27T10:00, 2026-04-13, 2026-04-15",
    // Wednesday of Maundy Thursday week: 7, 8, 9, 10, 13, 14, 15, 16 (8th), 17, 20 Apr (10th)
    "2026-04-01T15:30, 2026-04-16, 2026-04-20",
    // Good Friday itself counts from the next working day, Tuesday 7 April: the same as from 1
    // April
    "2026-04-03T09:00, 2026-04-16, 2026-04-20",
    // 23 Dec: 24-27 Dec closed, 28, 29, 30 Dec, 31 Dec and 1 Jan closed, 4, 5, 6, 7, 8 Jan (8th),
    // 11, 12 Jan (10th)
    "2026-12-23T11:00, 2027-01-08, 2027-01-12",
    // 30 Apr: 1 May (no Great Prayer Day since 2024), 4-8 May, 11, 12 May (8th), 13, 14 May
    // Ascension closed, 15 May (10th)
    "2026-04-30T16:45, 2026-05-12, 2026-05-15",
    // 2 Jun: 3, 4, 5 Jun closed (Constitution Day), 8-12, 15 Jun (8th), 16, 17 Jun (10th)
    "2026-06-02T08:00, 2026-06-15, 2026-06-17"
  })
  void SLA_EXAM_10WD_deadlines_on_the_Danish_calendar(
      LocalDateTime approved, LocalDate atRisk, LocalDate due) {
    EngineTime.setNow(approved);
    Route route = routes.specialistExamination();
    Date dueAt = EngineTime.at(due.atTime(23, 59, 59));
    Date atRiskAt = EngineTime.at(atRisk.atTime(23, 59, 59));

    assertThat(route.instance()).isWaitingAt("Task_BookExamination");
    Task task = booking(route);
    assertThat(task).hasCandidateGroup("health-team");
    assertThat(task.getDueDate()).isEqualTo(dueAt);
    assertThat(jobDue(route, "Timer_ExaminationDeadline")).isEqualTo(dueAt);
    assertThat(jobDue(route, "Timer_ExaminationAtRisk")).isEqualTo(atRiskAt);
    assertThat(clock(route).dueAt()).isEqualTo(dueAt.toInstant());
    assertThat(clock(route).startedAt()).isEqualTo(EngineTime.at(approved).toInstant());
    // Cockpit: the claim carries the deadline; the claims API answers it
    assertThat(runtime.getVariable(routes.claimProcessId(route.claimNumber()), "slaDueAt"))
        .isEqualTo(dueAt);
    assertThat(runtime.getVariable(routes.claimProcessId(route.claimNumber()), "slaBreached"))
        .isEqualTo(false);
    assertThat(scenarios.claimView(route.claimNumber()).get("slaDueAt").asText())
        .isEqualTo(due.atTime(23, 59, 59).atZone(Copenhagen.ZONE).toOffsetDateTime().toString());
  }

  @Test
  void escalatesTwoWorkingDaysBeforeAndRecordsTheBreachAtTheDeadlineNotBefore() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    String claimProcess = routes.claimProcessId(route.claimNumber());

    at(LocalDateTime.of(2026, 4, 13, 23, 59), route);
    assertThat(followUp(route)).isNull();
    assertThat(clock(route).escalatedAt()).isNull();

    at(LocalDateTime.of(2026, 4, 14, 0, 0), route);
    Task followUp = followUp(route);
    assertThat(followUp).isNotNull().hasCandidateGroup("team-leads");
    assertThat(followUp.getDueDate())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 15, 23, 59, 59)));
    assertThat(clock(route).escalatedAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 14, 0, 0)).toInstant());
    assertThat(clock(route).breached()).isFalse();

    at(LocalDateTime.of(2026, 4, 15, 23, 59, 58), route);
    assertThat(clock(route).breached()).isFalse();
    assertThat(route.instance()).hasNotPassed("Task_RecordExaminationBreach");

    tasks.claim(booking(route).getId(), "nina");
    at(LocalDateTime.of(2026, 4, 15, 23, 59, 59), route);
    ServiceLevelClock breached = clock(route);
    assertThat(breached.breachedAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 15, 23, 59, 59)).toInstant());
    assertThat(breached.breachResponsible()).isEqualTo("nina");
    assertThat(breached.overdueSeconds()).isZero();
    assertThat(breached.running()).isTrue();
    assertThat(route.instance())
        .hasPassed("EndEvent_BreachRecorded")
        .isWaitingAt("Task_BookExamination");
    assertThat(runtime.getVariable(claimProcess, "slaBreached")).isEqualTo(true);

    // the team lead follows up; the booking comes two days late
    tasks.complete(followUp.getId());
    at(LocalDateTime.of(2026, 4, 16, 9, 30), route);
    tasks.complete(
        booking(route).getId(),
        withVariables(
            "bookingOutcome",
            "BOOKED",
            "examinationDate",
            "2026-04-17",
            "examinationProvider",
            "Privathospitalet Aros",
            "examinationSector",
            "PRIVATE",
            "publicDateInTime",
            false));
    ServiceLevelClock late = clock(route);
    assertThat(late.outcome()).isEqualTo(Outcome.LATE);
    assertThat(late.overdueSeconds()).isEqualTo(2 * 24 * 3600L);
    assertThat(late.examinationDate()).isEqualTo(LocalDate.of(2026, 4, 17));
    assertThat(late.examinationProvider()).isEqualTo("Privathospitalet Aros");
    assertThat(runtime.getVariables(claimProcess))
        .doesNotContainKey("slaDueAt")
        .containsEntry("slaBreached", true);
    assertThat(route.instance())
        .hasPassed(
            "Task_FollowUpExaminationDeadline",
            "EndEvent_DeadlineFollowedUp",
            "EndEvent_BookingRecorded")
        .isWaitingAt("Timer_ExaminationDayOver");

    at(LocalDateTime.of(2026, 4, 17, 23, 59, 59), route);
    assertThat(route.instance())
        .isEnded()
        .hasPassed("EndEvent_ExaminationHeld")
        .variables()
        .containsEntry("slaOutcome", "LATE")
        .containsEntry("slaBreached", true);
    // the provider is in the clocks table, not in the engine's history
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(route.id())
                .variableName("examinationProvider")
                .count())
        .isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(route.id()).list())
        .noneMatch(d -> d.toString().contains("Aros"));
  }

  @Test
  void bookedInTimeStopsTheClockBeforeAnyEscalation() {
    EngineTime.setNow(LocalDateTime.of(2026, 12, 23, 11, 0));
    Route route = routes.specialistExamination();

    at(LocalDateTime.of(2026, 12, 28, 10, 0), route);
    tasks.claim(booking(route).getId(), "nina");
    tasks.complete(
        booking(route).getId(),
        withVariables(
            "bookingOutcome",
            "BOOKED",
            "examinationDate",
            "2027-01-12",
            "examinationProvider",
            "Aarhus Universitetshospital",
            "examinationSector",
            "PUBLIC",
            "publicDateInTime",
            true));

    ServiceLevelClock met = clock(route);
    assertThat(met.outcome()).isEqualTo(Outcome.MET);
    assertThat(met.examinationSector()).isEqualTo(ServiceLevelClock.Sector.PUBLIC);
    assertThat(met.publicDateInTime()).isTrue();
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(route.id())
                .activityId("Timer_ExaminationAtRisk")
                .count())
        .isZero();
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(route.id())
                .activityId("Timer_ExaminationDeadline")
                .count())
        .isZero();

    at(LocalDateTime.of(2027, 1, 20, 8, 0), route);
    assertThat(route.instance())
        .isEnded()
        .hasPassed("EndEvent_ExaminationHeld")
        .hasNotPassed("Task_RecordExaminationEscalation", "Task_RecordExaminationBreach");
    assertThat(clock(route).escalatedAt()).isNull();
    assertThat(clock(route).breached()).isFalse();
  }

  @Test
  void aLapseStopsTheClock() {
    EngineTime.setNow(LocalDateTime.of(2026, 4, 30, 16, 45));
    Route route = routes.specialistExamination();

    at(LocalDateTime.of(2026, 5, 5, 14, 0), route);
    tasks.complete(
        booking(route).getId(),
        withVariables("bookingOutcome", "LAPSED", "lapseReason", "EXAM_LATER_WISH"));

    assertThat(route.instance()).isEnded().hasPassed("EndEvent_GuaranteeLapsed");
    ServiceLevelClock lapsed = clock(route);
    assertThat(lapsed.outcome()).isEqualTo(Outcome.LAPSED);
    assertThat(lapsed.lapseReason()).isEqualTo(LapseReason.EXAM_LATER_WISH);
    assertThat(lapsed.stoppedAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 5, 5, 14, 0)).toInstant());
    assertThat(scenarios.claimView(route.claimNumber()).get("slaDueAt").asText())
        .doesNotStartWith("2026-05-15");

    // nothing fires afterwards: no escalation on 12 May, no breach on 15 May
    at(LocalDateTime.of(2026, 5, 20, 0, 0), route);
    assertThat(management.createJobQuery().processInstanceId(route.id()).count()).isZero();
    assertThat(clock(route).escalatedAt()).isNull();
    assertThat(clock(route).breached()).isFalse();
    assertThat(serviceLevels.running()).noneMatch(c -> c.processInstanceId().equals(route.id()));
  }

  @Test
  void theBookingFormIsCheckedWhenTheTaskIsCompleted() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    String id = booking(route).getId();

    assertThatThrownBy(() -> tasks.complete(id))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("booked, the guarantee lapsed or the deadline was extended");
    assertThatThrownBy(() -> tasks.complete(id, withVariables("bookingOutcome", "LAPSED")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id,
                    withVariables(
                        "bookingOutcome",
                        "BOOKED",
                        "examinationDate",
                        "2026-04-10",
                        "examinationSector",
                        "PUBLIC")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("provider");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id,
                    withVariables(
                        "bookingOutcome",
                        "BOOKED",
                        "examinationDate",
                        "next week",
                        "examinationProvider",
                        "Klinik",
                        "examinationSector",
                        "PUBLIC")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("date");
    assertThat(booking(route)).isNotNull();
    assertThat(clock(route).running()).isTrue();

    // the codes before SLA_EXAM_10WD had its seven are no longer accepted; EXAM_CAPACITY is no
    // lapse
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id,
                    withVariables("bookingOutcome", "LAPSED", "lapseReason", "POSTPONED_MEDICAL")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("reason");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id, withVariables("bookingOutcome", "LAPSED", "lapseReason", "EXAM_CAPACITY")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("reason");
    // an extension needs a new deadline after the present one (15 April), and not more than 3
    // months after it
    assertThatThrownBy(() -> tasks.complete(id, withVariables("bookingOutcome", "EXTENDED")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("new deadline");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id, withVariables("bookingOutcome", "EXTENDED", "newDeadline", "2026-04-15")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("after the present one");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id, withVariables("bookingOutcome", "EXTENDED", "newDeadline", "2026-07-16")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("3 months");
    assertThat(booking(route).getId()).isEqualTo(id);
    assertThat(clock(route).dueAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 15, 23, 59, 59)).toInstant());
    assertThat(clock(route).extended()).isFalse();

    tasks.complete(
        id, withVariables("bookingOutcome", "LAPSED", "lapseReason", "EXAM_POSTPONED_MEDICAL"));
    assertThat(clock(route).lapseReason()).isEqualTo(LapseReason.EXAM_POSTPONED_MEDICAL);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "EXAM_PUBLIC_OFFERED",
    "EXAM_OFFER_DECLINED",
    "EXAM_LATER_WISH",
    "EXAM_NOT_MEDICALLY_APPROPRIATE",
    "EXAM_POSTPONED_MEDICAL",
    "EXAM_HIGHLY_SPECIALISED"
  })
  void SLA_EXAM_10WD_each_lapse_code_stops_the_clock_with_its_reason(LapseReason reason) {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();

    at(LocalDateTime.of(2026, 4, 14, 9, 0), route); // escalated at the end of 13 April
    assertThat(followUp(route)).isNotNull();
    tasks.complete(
        booking(route).getId(),
        withVariables("bookingOutcome", "LAPSED", "lapseReason", reason.name()));

    assertThat(route.instance())
        .isEnded()
        .hasPassed("EndEvent_GuaranteeLapsed")
        .hasNotPassed("Task_ExtendExaminationDeadline");
    ServiceLevelClock lapsed = clock(route);
    assertThat(lapsed.outcome()).isEqualTo(Outcome.LAPSED);
    assertThat(lapsed.lapseReason()).isEqualTo(reason);
    assertThat(lapsed.extensionReason()).isNull();
    // the deadline of 15 April passes without a breach
    at(LocalDateTime.of(2026, 4, 16, 9, 0), route);
    assertThat(clock(route).breached()).isFalse();
    assertThat(runtime.getVariables(routes.claimProcessId(route.claimNumber())))
        .containsEntry("slaBreached", false);
  }

  @Test
  void
      SLA_EXAM_10WD_an_extension_for_limited_capacity_moves_the_deadline_and_the_breach_comes_at_the_new_one() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    String claimProcess = routes.claimProcessId(route.claimNumber());
    Date oldDue = EngineTime.at(LocalDateTime.of(2026, 4, 15, 23, 59, 59));

    at(LocalDateTime.of(2026, 4, 14, 9, 0), route); // escalated at the end of 13 April
    Task followUp = followUp(route);
    assertThat(followUp).isNotNull();
    tasks.claim(booking(route).getId(), "nina");
    tasks.complete(
        booking(route).getId(),
        withVariables("bookingOutcome", "EXTENDED", "newDeadline", "2026-04-24"));

    // due at the end of Friday 24 April, escalated at the end of Wednesday 22 April
    Date newDue = EngineTime.at(LocalDateTime.of(2026, 4, 24, 23, 59, 59));
    Date newAtRisk = EngineTime.at(LocalDateTime.of(2026, 4, 22, 23, 59, 59));
    assertThat(route.instance())
        .hasPassed("Gateway_DeadlineExtended", "Task_ExtendExaminationDeadline")
        .hasNotPassed("EndEvent_BookingRecorded")
        .isWaitingAt("Task_BookExamination");
    Task reopened = booking(route);
    assertThat(reopened)
        .isNotNull()
        .isAssignedTo("nina"); // the one who had it; still the health team's
    assertThat(tasks.getIdentityLinksForTask(reopened.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("health-team"));
    assertThat(reopened.getDueDate()).isEqualTo(newDue);
    assertThat(tasks.getVariableLocal(reopened.getId(), "viewDeadline"))
        .isEqualTo("Friday 24 April 2026, 23:59");
    assertThat(jobDue(route, "Timer_ExaminationDeadline")).isEqualTo(newDue);
    assertThat(jobDue(route, "Timer_ExaminationAtRisk")).isEqualTo(newAtRisk);
    assertThat(followUp(route).getDueDate()).isEqualTo(newDue);
    ServiceLevelClock extended = clock(route);
    assertThat(extended.running()).isTrue();
    assertThat(extended.outcome()).isNull();
    assertThat(extended.lapseReason()).isNull();
    assertThat(extended.extensionReason())
        .isEqualTo(ServiceLevelClock.ExtensionReason.EXAM_CAPACITY);
    assertThat(extended.extendedAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 14, 9, 0)).toInstant());
    assertThat(extended.dueAtBeforeExtension()).isEqualTo(oldDue.toInstant());
    assertThat(extended.dueAt()).isEqualTo(newDue.toInstant());
    assertThat(extended.atRiskAt()).isEqualTo(newAtRisk.toInstant());
    assertThat(extended.escalatedAt()).isNull();
    assertThat(runtime.getVariable(route.id(), "slaDueAt")).isEqualTo(newDue);
    assertThat(runtime.getVariable(claimProcess, "slaDueAt")).isEqualTo(newDue);
    assertThat(scenarios.claimView(route.claimNumber()).get("slaDueAt").asText())
        .isEqualTo(
            LocalDateTime.of(2026, 4, 24, 23, 59, 59)
                .atZone(Copenhagen.ZONE)
                .toOffsetDateTime()
                .toString());

    // a changed calendar leaves the extension's own date alone
    ServiceLevels withClosingDay =
        new ServiceLevels(
            new DanishWorkingDays(
                DanishWorkingDays.DEFAULT_CLOSING_DAYS, Set.of(LocalDate.of(2026, 4, 10))));
    assertThat(timers.recalculate(withClosingDay))
        .extracting(ServiceLevelRecalculation.Moved::processInstanceId)
        .doesNotContain(route.id());

    // the old deadline passes without a breach
    at(LocalDateTime.of(2026, 4, 16, 9, 0), route);
    assertThat(clock(route).breached()).isFalse();
    assertThat(route.instance()).hasNotPassed("Task_RecordExaminationBreach");

    // escalated again 2 working days before the new deadline
    at(LocalDateTime.of(2026, 4, 22, 23, 59, 58), route);
    assertThat(clock(route).escalatedAt()).isNull();
    at(LocalDateTime.of(2026, 4, 22, 23, 59, 59), route);
    assertThat(clock(route).escalatedAt()).isEqualTo(newAtRisk.toInstant());

    // the breach at the new deadline, not before
    at(LocalDateTime.of(2026, 4, 24, 23, 59, 58), route);
    assertThat(clock(route).breached()).isFalse();
    at(LocalDateTime.of(2026, 4, 24, 23, 59, 59), route);
    ServiceLevelClock breached = clock(route);
    assertThat(breached.breachedAt()).isEqualTo(newDue.toInstant());
    assertThat(breached.breachResponsible()).isEqualTo("nina");
    assertThat(route.instance())
        .hasPassed("EndEvent_BreachRecorded")
        .isWaitingAt("Task_BookExamination");
    assertThat(runtime.getVariable(claimProcess, "slaBreached")).isEqualTo(true);

    // once breached, the deadline is not extended any more
    String id = booking(route).getId();
    assertThatThrownBy(
            () ->
                tasks.complete(
                    id, withVariables("bookingOutcome", "EXTENDED", "newDeadline", "2026-05-08")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("has passed");

    // booked for Monday 27 April: late by 3 days against the new deadline
    tasks.complete(
        id,
        withVariables(
            "bookingOutcome",
            "BOOKED",
            "examinationDate",
            "2026-04-27",
            "examinationProvider",
            "Privathospitalet Aros",
            "examinationSector",
            "PRIVATE",
            "publicDateInTime",
            false));
    ServiceLevelClock late = clock(route);
    assertThat(late.outcome()).isEqualTo(Outcome.LATE);
    assertThat(late.overdueSeconds()).isEqualTo(3 * 24 * 3600L);
    assertThat(late.extensionReason()).isEqualTo(ServiceLevelClock.ExtensionReason.EXAM_CAPACITY);
    assertThat(route.instance()).isWaitingAt("Timer_ExaminationDayOver");
  }

  /**
   * ADR 0018: a process owner changes SLA_EXAM_10WD's 10 working days to 8 through the API, from
   * the next day on. A claim approved from that day gets 8 (its deadline and escalation move); a
   * claim approved before, even after the change was made, keeps its 10, also through a
   * recalculation. In 2028, apart from the other tests' clocks.
   */
  @Test
  void fewerWorkingDaysSetThroughTheApiApplyToClaimsApprovedFromTheirDayOn() {
    // Monday 6 March 2028 (no holiday until Easter): 10 working days end on Monday 20 March,
    // escalated at the end of the 8th, Thursday 16 March
    EngineTime.setNow(LocalDateTime.of(2028, 3, 6, 9, 0));
    Route before = routes.specialistExamination();
    try {
      scenarios.changeParameter("SLA_EXAM_WORKING_DAYS", 8, LocalDate.of(2028, 3, 7));
      EngineTime.setNow(LocalDateTime.of(2028, 3, 6, 15, 0));
      Route sameDay = routes.specialistExamination();

      // Tuesday 7 March: 8 working days end on Friday 17 March, escalated 2 before, Wednesday 15
      EngineTime.setNow(LocalDateTime.of(2028, 3, 7, 9, 0));
      Route after = routes.specialistExamination();

      Date tenDays = EngineTime.at(LocalDateTime.of(2028, 3, 20, 23, 59, 59));
      Date eighthDay = EngineTime.at(LocalDateTime.of(2028, 3, 16, 23, 59, 59));
      for (Route running : List.of(before, sameDay)) {
        assertThat(clock(running).dueAt()).isEqualTo(tenDays.toInstant());
        assertThat(jobDue(running, "Timer_ExaminationDeadline")).isEqualTo(tenDays);
        assertThat(jobDue(running, "Timer_ExaminationAtRisk")).isEqualTo(eighthDay);
      }
      Date eightDays = EngineTime.at(LocalDateTime.of(2028, 3, 17, 23, 59, 59));
      Date sixthDay = EngineTime.at(LocalDateTime.of(2028, 3, 15, 23, 59, 59));
      assertThat(clock(after).dueAt()).isEqualTo(eightDays.toInstant());
      assertThat(clock(after).atRiskAt()).isEqualTo(sixthDay.toInstant());
      assertThat(jobDue(after, "Timer_ExaminationDeadline")).isEqualTo(eightDays);
      assertThat(jobDue(after, "Timer_ExaminationAtRisk")).isEqualTo(sixthDay);
      assertThat(booking(after).getDueDate()).isEqualTo(eightDays);
      assertThat(runtime.getVariable(routes.claimProcessId(after.claimNumber()), "slaDueAt"))
          .isEqualTo(eightDays);
      assertThat(scenarios.claimView(after.claimNumber()).get("slaDueAt").asText())
          .isEqualTo(
              LocalDateTime.of(2028, 3, 17, 23, 59, 59)
                  .atZone(Copenhagen.ZONE)
                  .toOffsetDateTime()
                  .toString());

      // a recalculation keeps each clock's own figures
      assertThat(timers.recalculate())
          .extracting(ServiceLevelRecalculation.Moved::processInstanceId)
          .doesNotContain(before.id(), sameDay.id(), after.id());
      assertThat(jobDue(before, "Timer_ExaminationDeadline")).isEqualTo(tenDays);
      assertThat(jobDue(after, "Timer_ExaminationDeadline")).isEqualTo(eightDays);

      // the new claim escalates at the end of 15 March, the earlier one not yet
      at(LocalDateTime.of(2028, 3, 15, 23, 59, 58), after);
      assertThat(followUp(after)).isNull();
      at(LocalDateTime.of(2028, 3, 15, 23, 59, 59), after);
      EngineTime.runDueJobs(management, before.id());
      assertThat(followUp(after)).isNotNull();
      assertThat(clock(after).escalatedAt()).isEqualTo(sixthDay.toInstant());
      assertThat(followUp(before)).isNull();
      // and is breached after 17 March, while the earlier one runs on to 20 March
      at(LocalDateTime.of(2028, 3, 18, 8, 0), after);
      EngineTime.runDueJobs(management, before.id());
      assertThat(clock(after).breached()).isTrue();
      assertThat(clock(before).breached()).isFalse();
    } finally {
      ParameterRows.forgetChanges(jdbc);
    }
  }

  @Test
  void aChangedCalendarMovesTheRunningClocks() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    String claimProcess = routes.claimProcessId(route.claimNumber());

    // 10 April closed as well: 30, 31 Mar, 1, 7, 8, 9, 13, 14 (8th), 15, 16 Apr (10th)
    ServiceLevels withClosingDay =
        new ServiceLevels(
            new DanishWorkingDays(
                DanishWorkingDays.DEFAULT_CLOSING_DAYS, Set.of(LocalDate.of(2026, 4, 10))));
    List<ServiceLevelRecalculation.Moved> moved = timers.recalculate(withClosingDay);

    Date due = EngineTime.at(LocalDateTime.of(2026, 4, 16, 23, 59, 59));
    Date atRisk = EngineTime.at(LocalDateTime.of(2026, 4, 14, 23, 59, 59));
    assertThat(moved)
        .anySatisfy(
            m -> {
              assertThat(m.processInstanceId()).isEqualTo(route.id());
              assertThat(m.dueAt()).isEqualTo(due.toInstant());
            });
    assertThat(jobDue(route, "Timer_ExaminationDeadline")).isEqualTo(due);
    assertThat(jobDue(route, "Timer_ExaminationAtRisk")).isEqualTo(atRisk);
    assertThat(booking(route).getDueDate()).isEqualTo(due);
    assertThat(tasks.getVariableLocal(booking(route).getId(), "viewDeadline"))
        .isEqualTo("Thursday 16 April 2026, 23:59");
    assertThat(runtime.getVariable(route.id(), "slaDueAt")).isEqualTo(due);
    assertThat(runtime.getVariable(claimProcess, "slaDueAt")).isEqualTo(due);
    assertThat(clock(route).dueAt()).isEqualTo(due.toInstant());
    assertThat(clock(route).atRiskAt()).isEqualTo(atRisk.toInstant());

    // the moved timers fire at their new time, not the old
    at(LocalDateTime.of(2026, 4, 14, 12, 0), route);
    assertThat(followUp(route)).isNull();
    at(LocalDateTime.of(2026, 4, 15, 0, 0), route);
    assertThat(followUp(route)).isNotNull();
    at(LocalDateTime.of(2026, 4, 16, 12, 0), route);
    assertThat(clock(route).breached()).isFalse();

    // back to the application's calendar
    timers.recalculate();
    assertThat(jobDue(route, "Timer_ExaminationDeadline"))
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 15, 23, 59, 59)));
  }

  @Test
  void aBreachedClockKeepsItsDeadlineWhenTheCalendarChanges() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    at(LocalDateTime.of(2026, 4, 16, 8, 0), route); // past the deadline of 15 April: breached
    assertThat(clock(route).breached()).isTrue();

    ServiceLevels withClosingDay =
        new ServiceLevels(
            new DanishWorkingDays(
                DanishWorkingDays.DEFAULT_CLOSING_DAYS, Set.of(LocalDate.of(2026, 4, 10))));
    assertThat(timers.recalculate(withClosingDay))
        .extracting(ServiceLevelRecalculation.Moved::processInstanceId)
        .doesNotContain(route.id());
    assertThat(clock(route).dueAt())
        .isEqualTo(EngineTime.at(LocalDateTime.of(2026, 4, 15, 23, 59, 59)).toInstant());
    assertThat(clock(route).breached()).isTrue();
  }

  @Test
  void theBookingShowsWhomToCallTheirPhoneAndTheDeadlineInCopenhagenTime() {
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    Route route = routes.specialistExamination();
    assertThat(tasks.getVariablesLocal(booking(route).getId()))
        .containsEntry("viewPerson", RouteScenarios.PERSON)
        .containsEntry("viewPhone", RouteScenarios.PHONE)
        .containsEntry("viewDeadline", "Wednesday 15 April 2026, 23:59");

    tasks.complete(
        booking(route).getId(),
        withVariables(
            "bookingOutcome",
            "BOOKED",
            "examinationDate",
            "2026-04-08",
            "examinationProvider",
            "Privathospitalet Aarhus",
            "examinationSector",
            "PRIVATE"));
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(route.id())
                .variableNameLike("view%")
                .count())
        .isZero();
  }
}
