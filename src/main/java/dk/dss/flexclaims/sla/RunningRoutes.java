package dk.dss.flexclaims.sla;

/**
 * The service-level routes as they run in the engine: whether one still runs, and moving its
 * timers, task due dates and the claim's {@code slaDueAt} to new deadlines (implemented in {@code
 * process/}).
 */
public interface RunningRoutes {

  /** Whether the route still runs (not ended, nor cancelled by hand in Cockpit). */
  boolean isRunning(String processInstanceId);

  /**
   * Moves the route's escalation and deadline timers, its tasks' due dates and the claim's
   * deadline.
   */
  void moveDeadlines(ServiceLevelClock clock, ServiceLevelService.Deadlines deadlines);
}
