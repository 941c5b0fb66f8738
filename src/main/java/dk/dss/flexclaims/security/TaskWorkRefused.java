package dk.dss.flexclaims.security;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A task claimed, handed over or completed outside its groups ({@link GroupTaskWork}). Its message
 * names the task, its groups and the user IDs only, and is shown to the caller as it is.
 */
public class TaskWorkRefused extends AuthorizationException {

  TaskWorkRefused(String message) {
    super(message);
  }
}
