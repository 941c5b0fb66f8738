package dk.dss.archfixture.web;

import dk.dss.archfixture.claim.ClaimServiceUsingTheEngine;

/** Fixture, broken on purpose: the web layer and the claims depend on each other (a cycle). */
public final class FixtureProblems {

  private FixtureProblems() {}

  /** A refusal that lives in the web layer. */
  public static class Problem extends RuntimeException {}

  static Class<?> handledFor() {
    return ClaimServiceUsingTheEngine.class;
  }
}
