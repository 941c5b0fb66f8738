package dk.dss.flexclaims.policy;

import java.time.LocalDate;

/**
 * The policy's process as the policy use cases need it ({@code policy-lifecycle}, business key: the
 * policy number): started at sign-on and import, told when the end date moves. The engine stays
 * behind this door (implemented in {@code process/}).
 */
public interface PolicyProcess {

  /** Starts the policy's process; nothing is due before the engine runs its first step. */
  void start(String policyNumber);

  /**
   * The policy's end date moved (a cancellation, a termination, unpaid premium): the end timer
   * moves with it.
   */
  void endDateMoved(String policyNumber, LocalDate endDate);
}
