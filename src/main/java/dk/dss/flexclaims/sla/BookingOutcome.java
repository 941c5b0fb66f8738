package dk.dss.flexclaims.sla;

/**
 * What "Book specialist examination" recorded: the examination was booked, the guarantee lapsed
 * (with its reason code), or the deadline was extended (EXAM_CAPACITY, with the new deadline; the
 * booking stays open).
 */
public enum BookingOutcome {
  BOOKED,
  LAPSED,
  EXTENDED
}
