package dk.dss.flexclaims.request;

import java.time.Instant;

/** The request's process, as the request use cases need it (implemented in {@code process/}). */
public interface RequestProcess {

  /**
   * Starts the request's process (business key: the request number) with the kind and the
   * callback's due date; answers its instance ID.
   */
  String start(String requestNumber, RequestKind kind, Instant callbackDueAt);
}
