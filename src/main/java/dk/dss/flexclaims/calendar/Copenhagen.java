package dk.dss.flexclaims.calendar;

import java.time.ZoneId;

/** All dates of the product are Europe/Copenhagen: due dates, treatment dates, "today". */
public final class Copenhagen {

  public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

  private Copenhagen() {}
}
