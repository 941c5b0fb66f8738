package dk.dss.flexclaims.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryValidators.StoredQueryValidator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters a health team works from: the open tasks of my groups, my own, the overdue
 * and those due today. Created by the application (expressions in stored filters are allowed, in
 * ad-hoc queries over HTTP they are not) and readable by every group that works tasks. Existing
 * filters of the same name are left as a process owner may have changed them.
 *
 * <p>Each filter ranks its tasks by priority, then by due date: trauma notifications (priority 90
 * and above) first, every other task by its deadline. The engine puts a filter's stored ordering
 * before the one Tasklist sends (its sorting header, by default "created"), so this ranking holds
 * whatever the header says. The list shows what identifies a task ({@link #DISPLAYED}): the claim,
 * request, complaint or policy number, the insured person's name (task-local, never in history) and
 * the cover, never a health detail or a CPR number.
 *
 * <p>A filter is created with a readable ID from its purpose ({@link #TRAUMA_FIRST_ID} and the
 * others), which Admin's authorizations list as the filter's resource ID and Tasklist carries in
 * its address. Filters created earlier keep their generated IDs.
 */
@Component
public class TasklistFilters {

  static final String MY_GROUPS = "My group's open tasks";
  static final String MINE = "Assigned to me";
  static final String OVERDUE = "Overdue";
  static final String DUE_TODAY = "Due today";

  // the filters' IDs, readable in Admin's authorizations and in Tasklist's address
  static final String TRAUMA_FIRST_ID = "trauma-first";
  static final String MY_GROUPS_ID = "my-groups-open";
  static final String MINE_ID = "assigned-to-me";
  static final String OVERDUE_ID = "overdue";
  static final String DUE_TODAY_ID = "due-today";

  /** SLA_TRAUMA_ASSESS_1H: trauma notifications (priority 90 and above) first. */
  public static final String TRAUMA_FIRST = "Trauma first";

  /**
   * The variables each task in the list shows, by name and label: identifying numbers, the insured
   * person's name and the cover only (the readable variables of a task and its process; absent ones
   * are not shown). The name is the task's own ({@code viewName}, set on the task's creation by
   * {@code process/TaskListNames}): no process carries it, so it never reaches history.
   */
  static final List<Map<String, String>> DISPLAYED =
      List.of(
          Map.of("name", "claimNumber", "label", "Claim"),
          Map.of("name", "viewName", "label", "Person"),
          Map.of("name", "cover", "label", "Cover"),
          Map.of("name", "requestNumber", "label", "Request"),
          Map.of("name", "complaintNumber", "label", "Complaint"),
          Map.of("name", "policyNumber", "label", "Policy"));

  private static final String GROUPS = "${currentUserGroups()}";
  private static final String START_OF_TODAY = "${dateTime().withTimeAtStartOfDay().toDate()}";
  private static final String START_OF_TOMORROW =
      "${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}";

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentitySetup identitySetup;
  private final ProcessEngine engine;

  TasklistFilters(
      FilterService filterService,
      TaskService taskService,
      IdentitySetup identitySetup,
      ProcessEngine engine) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identitySetup = identitySetup;
    this.engine = engine;
  }

  public void apply() {
    create(
        TRAUMA_FIRST_ID,
        TRAUMA_FIRST,
        15,
        "#7b1fa2",
        "Trauma notifications of my groups: assessed within the hour, around the clock",
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression(GROUPS)
            .includeAssignedTasks()
            .taskMinPriority(90)
            .active());
    create(
        MY_GROUPS_ID,
        MY_GROUPS,
        10,
        "#3b7d2f",
        "Unfinished tasks of my groups, assigned or not",
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression(GROUPS)
            .includeAssignedTasks()
            .active());
    create(
        MINE_ID,
        MINE,
        20,
        "#1d5c8c",
        "Tasks I have claimed",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").active());
    create(
        OVERDUE_ID,
        OVERDUE,
        30,
        "#b00020",
        "Tasks of my groups past their due date",
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression(GROUPS)
            .includeAssignedTasks()
            .dueBeforeExpression("${now()}")
            .active());
    create(
        DUE_TODAY_ID,
        DUE_TODAY,
        40,
        "#c77700",
        "Tasks of my groups due before midnight",
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression(GROUPS)
            .includeAssignedTasks()
            .dueAfterExpression(START_OF_TODAY)
            .dueBeforeExpression(START_OF_TOMORROW)
            .active());
  }

  /** Trauma first (priority), then by deadline. */
  static TaskQuery ranked(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  /**
   * The filter by its ID, else by its name (created before filters had readable IDs), else created
   * with the ID.
   */
  private void create(
      String id, String name, int priority, String color, String description, TaskQuery query) {
    Filter filter = filterService.getFilter(id);
    if (filter == null) {
      filter = filterService.createFilterQuery().filterName(name).singleResult();
    }
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("variables", DISPLAYED);
      filter =
          insert(
              id,
              filterService.newTaskFilter(name).setQuery(ranked(query)).setProperties(properties));
    }
    for (String group :
        List.of(Groups.HEALTH_TEAM, Groups.TEAM_LEADS, Groups.FINANCE, Groups.COMPLAINTS)) {
      identitySetup.grant(group, FILTER, filter.getId(), List.of(READ));
    }
  }

  /**
   * Stores a new filter under the given ID. {@code FilterService.saveFilter} takes a filter with an
   * ID for one to update; the engine's own insert keeps an ID that is set and generates one only
   * when there is none. Done as the engine saves a new filter otherwise: the stored query checked,
   * the creation in the operation log; a filter without owner gets no default authorization.
   */
  private Filter insert(String id, Filter filter) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              FilterEntity entity = (FilterEntity) filter;
              entity.setId(id);
              ((AbstractQuery<?, ?>) entity.getQuery()).validate(StoredQueryValidator.get());
              context.getDbEntityManager().insert(entity);
              context
                  .getOperationLogManager()
                  .logFilterOperation(UserOperationLogEntry.OPERATION_TYPE_CREATE, id);
              return entity;
            });
  }
}
