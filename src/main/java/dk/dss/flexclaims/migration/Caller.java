package dk.dss.flexclaims.migration;

import java.util.List;

/**
 * Who asks for a migration: the engine checks its own rights (ADR 0017) for this user and these
 * groups, not the application's.
 */
public record Caller(String userId, List<String> groupIds) {

  public Caller {
    groupIds = List.copyOf(groupIds);
  }
}
