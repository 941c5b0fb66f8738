package dk.dss.flexclaims.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The local demo's users, one per group (two for complaints, for the four eyes), password "demo".
 * Created only when {@code flex.demo.enabled} is true, which the postgres profile never sets. A
 * user's role is the group it belongs to (named in Admin, e.g. "Health team"), not part of its
 * name; a demo user saved by an earlier version with the role in its last name gets its plain name.
 */
@Component
public class DemoUsers {

  public static final String PASSWORD = "demo";

  /** user id, first name, last name, group. */
  public static final List<String[]> USERS =
      List.of(
          new String[] {"nina", "Nina", "Holm", Groups.HEALTH_TEAM},
          new String[] {"lars", "Lars", "Berg", Groups.TEAM_LEADS},
          new String[] {"freja", "Freja", "Dahl", Groups.FINANCE},
          new String[] {"karl", "Karl", "Lund", Groups.COMPLAINTS},
          // a second complaints manager: the outcome of a complaint is signed by another person
          // than its handler
          new String[] {"kirsten", "Kirsten", "Møller", Groups.COMPLAINTS},
          new String[] {"paula", "Paula", "Friis", Groups.PROCESS_OWNERS},
          new String[] {"mona", "Mona", "Skov", Groups.MONITORS},
          new String[] {"portal", "My DSS", "Portal", Groups.PORTAL});

  private final IdentityService identityService;

  DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void apply() {
    for (String[] u : USERS) {
      if (identityService.createUserQuery().userId(u[0]).count() == 0) {
        User user = identityService.newUser(u[0]);
        user.setFirstName(u[1]);
        user.setLastName(u[2]);
        user.setEmail(u[0] + "@flex.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      } else {
        User user = identityService.createUserQuery().userId(u[0]).singleResult();
        if (!u[1].equals(user.getFirstName()) || !u[2].equals(user.getLastName())) {
          user.setFirstName(u[1]);
          user.setLastName(u[2]);
          identityService.saveUser(user);
        }
      }
      if (identityService.createGroupQuery().groupId(u[3]).groupMember(u[0]).count() == 0) {
        identityService.createMembership(u[0], u[3]);
      }
    }
  }
}
