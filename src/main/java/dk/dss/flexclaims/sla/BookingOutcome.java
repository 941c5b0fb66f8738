package dk.dss.flexclaims.sla;

/** What "Book specialist examination" recorded: the examination was booked, or the guarantee lapsed. */
public enum BookingOutcome {
  BOOKED,
  LAPSED
}
