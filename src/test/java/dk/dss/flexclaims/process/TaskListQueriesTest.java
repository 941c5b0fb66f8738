package dk.dss.flexclaims.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.identity.AccessPolicy;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.identity.IdentitySetup;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HttpCalls;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasklist's list and counts as the engine answers them with the application's task statements
 * (process/TaskListQueries, ADR 0024): each task once and in the filter's rank, the engine's own
 * statement where a page is ordered by a variable, and a filter's count exact up to 1,000 and 1,001
 * above, while the counts outside filters stay exact.
 */
@FlexIntegrationTest
class TaskListQueriesTest {

  private static final String PROCESS = "task-list-queries";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired IdentitySetup identitySetup;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @LocalServerPort int port;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void deploy() {
    repository
        .createDeployment()
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_CallBack")
                .name("Call the insured back")
                .camundaCandidateGroups(Groups.HEALTH_TEAM + "," + Groups.TEAM_LEADS)
                .camundaPriority("${priority}")
                .camundaDueDate("${due}")
                .endEvent()
                .done())
        .deploy();
    for (String group : List.of(Groups.HEALTH_TEAM, Groups.TEAM_LEADS)) {
      identitySetup.grant(
          group, Resources.PROCESS_DEFINITION, PROCESS, AccessPolicy.TASK_WORK_PERMISSIONS);
    }
  }

  @AfterEach
  void removeTheTasks() {
    List<String> instances = new ArrayList<>();
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS)
        .list()
        .forEach(i -> instances.add(i.getId()));
    if (!instances.isEmpty()) {
      runtime.deleteProcessInstances(instances, "test data", true, true);
    }
  }

  /**
   * A team lead is in both candidate groups of every task: the engine's statement needed DISTINCT
   * for that; by ID each task still comes once, ranked by priority, then due date.
   */
  @Test
  void aUserInBothCandidateGroupsSeesEachTaskOnceRankedByPriorityThenDueDate() {
    long now = System.currentTimeMillis();
    String lateTrauma = start(95, now + 3_000_000, 1);
    String earlyTrauma = start(95, now + 1_000_000, 2);
    String early = start(50, now + 500_000, 3);
    String late = start(50, now + 9_000_000, 4);
    String middle = start(50, now + 2_000_000, 5);

    Filter myGroups = filter("My group's open tasks");

    assertThat(pageAsLead(myGroups, 0))
        .containsExactly(earlyTrauma, lateTrauma, early, middle, late);
    assertThat(asLead(() -> filters.count(myGroups.getId(), query()))).isEqualTo(5L);
    assertThat(pageAsLead(myGroups, 3)).as("from the fourth on").containsExactly(middle, late);
  }

  /**
   * Every order Tasklist's sorting header offers runs through the application's page (by ID, also
   * the name without case) and lists each task once; where the order is total, in that order.
   */
  @Test
  void everySortingOfTasklistsHeaderListsEachTaskOnce() {
    long now = System.currentTimeMillis();
    String b = start(60, now + 2_000_000, 1);
    String a = start(70, now + 1_000_000, 2);
    String c = start(50, now + 3_000_000, 3);
    Map<String, Supplier<TaskQuery>> sortings =
        Map.of(
            "created", () -> query().orderByTaskCreateTime().desc(),
            "due date", () -> query().orderByDueDate().asc(),
            "follow-up date", () -> query().orderByFollowUpDate().asc(),
            "name", () -> query().orderByTaskNameCaseInsensitive().asc(),
            "assignee", () -> query().orderByTaskAssignee().asc(),
            "priority", () -> query().orderByTaskPriority().desc(),
            "instance", () -> query().orderByProcessInstanceId().asc());
    sortings.forEach(
        (name, sorted) -> {
          assertThat(TaskListQueries.ordersByTaskColumnsOnly(ordering(sorted.get())))
              .as("%s: the page by ID", name)
              .isTrue();
          assertThat(pageAsLead(sorted)).as(name).containsExactlyInAnyOrder(a, b, c);
        });
    assertThat(pageAsLead(() -> query().orderByDueDate().asc())).containsExactly(a, b, c);
    assertThat(pageAsLead(() -> query().orderByTaskPriority().desc())).containsExactly(a, b, c);
    assertThat(pageAsLead(() -> query().orderByTaskPriority().asc())).containsExactly(c, b, a);
  }

  /**
   * The engine's criteria hold on the page by ID: an "or" of criteria, and the authorization check
   * (a user whose groups have no grant on the definition sees none of its tasks, nor counts them).
   */
  @Test
  void theEnginesCriteriaHoldOnThePageByIdOrQueriesAndGrants() {
    long now = System.currentTimeMillis();
    String b = start(60, now + 2_000_000, 1);
    String a = start(70, now + 1_000_000, 2);
    String c = start(50, now + 3_000_000, 3);

    assertThat(
            pageAsLead(
                () ->
                    query()
                        .or()
                        .taskPriority(70)
                        .dueAfter(new Date(now + 2_500_000))
                        .endOr()
                        .orderByTaskPriority()
                        .desc()))
        .containsExactly(a, c);
    assertThat(pageAsLead(() -> query().orderByDueDate().asc())).containsExactly(a, b, c);

    identity.setAuthentication("freja", List.of(Groups.FINANCE));
    try {
      assertThat(query().orderByDueDate().asc().listPage(0, 15)).as("finance's page").isEmpty();
      assertThat(filters.count(filter("My group's open tasks").getId(), query()))
          .as("finance's count of its filter")
          .isZero();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Ties are broken by the ID: with every task due at the same instant and of the same priority,
   * the pages of five follow each other without overlap or gap.
   */
  @Test
  void pagesOfTiedTasksNeitherOverlapNorSkip() {
    startMany(12);
    Filter myGroups = filter("My group's open tasks");
    List<String> all = new ArrayList<>();
    for (int first = 0; first < 12; first += 5) {
      int from = first;
      all.addAll(
          asLead(
              () -> {
                List<Task> page = filters.listPage(myGroups.getId(), query(), from, 5);
                return page.stream().map(Task::getId).toList();
              }));
    }
    assertThat(all).hasSize(12).doesNotHaveDuplicates();
  }

  /** Ordered by a variable, the page is the engine's own statement: the order and each once. */
  @Test
  void aPageOrderedByAVariableIsTheEnginesOwnQuery() {
    assertThat(
            TaskListQueries.ordersByTaskColumnsOnly(
                ordering(query().orderByProcessVariable("rank", ValueType.INTEGER).asc())))
        .isFalse();
    long now = System.currentTimeMillis();
    String second = start(50, now + 1_000_000, 20);
    String third = start(90, now + 2_000_000, 30);
    String first = start(50, now + 3_000_000, 10);

    List<String> byRank =
        asLead(
            () ->
                query()
                    .orderByProcessVariable("rank", ValueType.INTEGER)
                    .asc()
                    .listPage(0, 15)
                    .stream()
                    .map(Task::getProcessInstanceId)
                    .toList());

    assertThat(byRank).containsExactly(first, second, third);
  }

  /**
   * Tasklist's counts (beside each filter and in the list) are exact up to 1,000 tasks and 1,001
   * above, read from no more than that; the engine's task count elsewhere (Cockpit, /task/count)
   * stays exact.
   */
  @Test
  void aFiltersCountIsExactUpToAThousandAndSaysOneMoreAbove() throws Exception {
    startMany(1_000);
    Filter myGroups = filter("My group's open tasks");
    assertThat(asLead(() -> filters.count(myGroups.getId(), query()))).isEqualTo(1_000L);

    startMany(7);
    assertThat(asLead(() -> filters.count(myGroups.getId(), query()))).isEqualTo(1_001L);
    assertThat(asLead(() -> query().count())).as("a task query's count").isEqualTo(1_007L);
    assertThat(query().count()).as("the application's count").isEqualTo(1_007L);

    HttpCalls nina = HttpCalls.basic(port, "nina", "demo");
    String body = "{\"processDefinitionKey\":\"" + PROCESS + "\"}";
    HttpResponse<String> filterCount =
        nina.postJson("/engine-rest/filter/" + myGroups.getId() + "/count", body);
    assertThat(filterCount.statusCode()).as(filterCount.body()).isEqualTo(200);
    assertThat(json.readTree(filterCount.body()).path("count").asLong()).isEqualTo(1_001);

    HttpResponse<String> list =
        nina.send(
            nina.request("/engine-rest/filter/" + myGroups.getId() + "/list?maxResults=15")
                .setHeader("Accept", "application/hal+json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode hal = json.readTree(list.body());
    assertThat(hal.path("count").asLong())
        .as("the list's count, as Tasklist shows it")
        .isEqualTo(1_001);
    assertThat(hal.path("_embedded").path("task")).hasSize(15);

    HttpResponse<String> taskCount =
        nina.get("/engine-rest/task/count?processDefinitionKey=" + PROCESS);
    assertThat(taskCount.statusCode()).isEqualTo(200);
    assertThat(json.readTree(taskCount.body()).path("count").asLong()).isEqualTo(1_007L);
  }

  /** The engine runs the application's statements for task pages and counts. */
  @Test
  void theEngineRunsTheApplicationsTaskStatements() {
    DbSqlSessionFactory sessions = engineConfiguration.getDbSqlSessionFactory();
    assertThat(sessions.mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo("dk.dss.flexclaims.process.TaskListQueries.selectTaskPage");
    assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo("dk.dss.flexclaims.process.TaskListQueries.selectTaskCount");
  }

  private static List<QueryOrderingProperty> ordering(TaskQuery query) {
    return ((TaskQueryImpl) query).getOrderingProperties();
  }

  private List<String> pageAsLead(Supplier<TaskQuery> sorted) {
    return asLead(
        () -> sorted.get().listPage(0, 15).stream().map(Task::getProcessInstanceId).toList());
  }

  private TaskQuery query() {
    return tasks.createTaskQuery().processDefinitionKey(PROCESS);
  }

  private String start(int priority, long due, int rank) {
    return runtime
        .startProcessInstanceByKey(
            PROCESS, Map.of("priority", priority, "due", new Date(due), "rank", rank))
        .getId();
  }

  private void startMany(int count) {
    Date due = new Date(System.currentTimeMillis() + 3_600_000);
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              for (int i = 0; i < count; i++) {
                runtime.startProcessInstanceByKey(
                    PROCESS, Map.of("priority", 50, "due", due, "rank", i));
              }
            });
  }

  /** The instances of the filter's tasks of this process, from {@code first} on, as the lead. */
  private List<String> pageAsLead(Filter filter, int first) {
    return asLead(
        () -> {
          List<Task> page = filters.listPage(filter.getId(), query(), first, 15);
          return page.stream().map(Task::getProcessInstanceId).toList();
        });
  }

  private Filter filter(String name) {
    return filters.createFilterQuery().filterName(name).singleResult();
  }

  /** A team lead, in the health team too, as Tasklist's requests run. */
  private <T> T asLead(Supplier<T> query) {
    identity.setAuthentication("lead", List.of(Groups.HEALTH_TEAM, Groups.TEAM_LEADS));
    try {
      return query.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
