package dk.dss.archfixture.process;

/** Fixture: the process's variables. */
public final class ClaimVariables {

  private ClaimVariables() {}

  public static String claimNumberName() {
    return "claimNumber";
  }
}
