package dk.dss.flexclaims.coverage;

/**
 * Incident behind a TRAUMA claim (TRAUMA_EVENT). OTHER is any incident not listed in terms §5.8 and
 * is not covered.
 */
public enum IncidentType {
  SERIOUS_INCIDENT,
  ROBBERY_ASSAULT,
  FIRE_BURGLARY,
  LIFE_THREATENING_DIAGNOSIS,
  DEATH_IN_FAMILY,
  FAMILY_LIFE_THREATENING_DIAGNOSIS,
  SUDDEN_DEATH_OR_INCIDENT_CLOSE,
  OTHER
}
