package dk.dss.flexclaims.process;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.claim.ClaimCallers;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a caller's form shows besides the claim or request number: the person to call, the phone and
 * the task's deadline as a date a caller reads at a glance ("Tuesday 8 December 2026, 23:59",
 * Copenhagen time). Set task-local on creation, as {@code view*} variables that never reach history
 * ({@link HealthDetailsHistoryFilter}).
 */
@Component
class TaskViews {

  static final String VIEW_PERSON = "viewPerson";
  static final String VIEW_PHONE = "viewPhone";
  static final String VIEW_DEADLINE = "viewDeadline";

  /** Shown in place of a phone a claim was reported without. */
  static final String NO_PHONE = "not given with the claim: see the insurer's records";

  private static final DateTimeFormatter DEADLINE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  private final ClaimCallers callers;

  TaskViews(ClaimCallers callers) {
    this.callers = callers;
  }

  /** The task's due date in Copenhagen time, e.g. "Tuesday 8 December 2026, 23:59". */
  static String deadline(Date due) {
    return due == null ? "none" : DEADLINE.format(due.toInstant().atZone(Copenhagen.ZONE));
  }

  /** On creation of a claim's call or booking: name, phone and deadline, task-local. */
  void showCaller(DelegateTask task) {
    ClaimCallers.Caller caller = callers.of(ClaimHandling.CLAIM_NUMBER.get(task));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(VIEW_PERSON, caller.name());
    view.put(VIEW_PHONE, caller.phone() == null ? NO_PHONE : caller.phone());
    view.put(VIEW_DEADLINE, deadline(task.getDueDate()));
    task.setVariablesLocal(view);
  }
}
