package dk.dss.flexclaims.process;

import dk.dss.flexclaims.migration.Caller;
import dk.dss.flexclaims.migration.MigrationMapping;
import dk.dss.flexclaims.migration.RunningInstances;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.ForbiddenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.ConditionalEventBehavior;
import org.camunda.bpm.engine.impl.bpmn.delegate.JavaDelegateInvocation;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.migration.validation.instruction.UpdateEventTriggersValidator;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's side of moving running instances between versions (ADR 0017), through Camunda's
 * migration API and with the caller's authentication, so that the engine's rights decide
 * (MIGRATE_INSTANCE on both definitions, the batch's creation).
 *
 * <p>The plan: the instructions {@code mapEqualActivities().updateEventTriggers()} generates, less
 * those the mapping file replaces, plus the mapping file's (event triggers updated where the old
 * activity has one). The dry run moves each instance it tries for real inside a savepoint and rolls
 * it back: what the engine's instance validation refuses, and what fails while moving (a timer of
 * the new version whose date a variable lacks), is answered per activity, and nothing stays
 * changed.
 */
@Component
class RunningInstancesAdapter implements RunningInstances {

  private static final Pattern DELEGATE =
      Pattern.compile("^\\s*\\$\\{\\s*([A-Za-z_]\\w*)\\s*}\\s*$");

  /** At most this many distinct reasons per activity in an answer. */
  private static final int MAX_REASONS = 10;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;
  private final PlatformTransactionManager transactions;
  private final ListableBeanFactory beans;

  RunningInstancesAdapter(
      ProcessEngine engine, PlatformTransactionManager transactions, ListableBeanFactory beans) {
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.management = engine.getManagementService();
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.transactions = transactions;
    this.beans = beans;
  }

  @Override
  public boolean processExists(Caller caller, String processKey) {
    return as(
        caller,
        () ->
            repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0);
  }

  @Override
  public Optional<Version> version(Caller caller, String processKey, int version) {
    return as(
        caller,
        () ->
            Optional.ofNullable(
                    repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .processDefinitionVersion(version)
                        .withoutTenantId()
                        .singleResult())
                .map(RunningInstancesAdapter::version));
  }

  @Override
  public Optional<Version> latest(Caller caller, String processKey) {
    return as(
        caller,
        () ->
            Optional.ofNullable(
                    repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .withoutTenantId()
                        .latestVersion()
                        .singleResult())
                .map(RunningInstancesAdapter::version));
  }

  @Override
  public Plan check(
      Caller caller, Version from, Version to, MigrationMapping mapping, int triesPerActivity) {
    return as(
        caller,
        () -> {
          MigrationPlan plan = plan(from, to, mapping);
          Map<String, ActivityTally> tallies = waiting(from, plan);
          if (triesPerActivity > 0 && !tallies.isEmpty()) {
            tryEach(from, to, plan, mapping, tallies, triesPerActivity);
          }
          return new Plan(count(from), tallies.values().stream().map(ActivityTally::plan).toList());
        });
  }

  @Override
  public Started start(Caller caller, Version from, Version to, MigrationMapping mapping) {
    return as(
        caller,
        () ->
            new TransactionTemplate(transactions)
                .execute(
                    status -> {
                      MigrationPlan plan = plan(from, to, mapping);
                      Map<String, ActivityTally> tallies = waiting(from, plan);
                      long instances = count(from);
                      if (instances == 0) {
                        throw new ConflictException(
                            "no-running-instances",
                            "Nothing to migrate",
                            "No instance runs on that version: nothing was started.");
                      }
                      // the prepare steps first, in the same transaction: refused by the engine,
                      // the
                      // batch is not created and they are undone with it
                      mapping
                          .prepare()
                          .forEach(
                              (activityId, serviceTaskId) -> {
                                JavaDelegate step = prepareStep(to, serviceTaskId);
                                for (ProcessInstance instance :
                                    runtime
                                        .createProcessInstanceQuery()
                                        .processDefinitionId(from.definitionId())
                                        .activityIdIn(activityId)
                                        .list()) {
                                  prepare(instance.getId(), step);
                                }
                              });
                      Batch batch =
                          runtime
                              .newMigration(plan)
                              .processInstanceQuery(
                                  runtime
                                      .createProcessInstanceQuery()
                                      .processDefinitionId(from.definitionId()))
                              .executeAsync();
                      return new Started(
                          batch.getId(),
                          new Plan(
                              instances,
                              tallies.values().stream().map(ActivityTally::plan).toList()));
                    }));
  }

  @Override
  public Optional<Progress> progress(Caller caller, String batchId) {
    return as(
        caller,
        () -> {
          BatchStatistics running =
              management.createBatchStatisticsQuery().batchId(batchId).singleResult();
          if (running != null) {
            return Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())
                ? Optional.of(
                    new Progress(
                        running.getId(),
                        running.getCreateUserId(),
                        running.getTotalJobs(),
                        running.getJobsCreated(),
                        running.getRemainingJobs(),
                        running.getCompletedJobs(),
                        running.getFailedJobs(),
                        instant(running.getStartTime()),
                        null))
                : Optional.empty();
          }
          HistoricBatch ended = history.createHistoricBatchQuery().batchId(batchId).singleResult();
          if (ended == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(ended.getType())) {
            return Optional.empty();
          }
          return Optional.of(
              new Progress(
                  ended.getId(),
                  ended.getCreateUserId(),
                  ended.getTotalJobs(),
                  ended.getTotalJobs(),
                  null,
                  null,
                  null,
                  instant(ended.getStartTime()),
                  instant(ended.getEndTime())));
        });
  }

  /**
   * The plan: generated for equal IDs, the mapping file on top; refused with the engine's reasons.
   */
  private MigrationPlan plan(Version from, Version to, MigrationMapping mapping) {
    ProcessDefinitionImpl source = deployed(from.definitionId());
    for (Map.Entry<String, String> prepare : mapping.prepare().entrySet()) {
      prepareStep(to, prepare.getValue());
      if (source.findActivity(prepare.getKey()) == null) {
        throw planRefused(
            List.of(
                problem(
                    prepare.getKey(),
                    prepare.getValue(),
                    "\"prepare\" names an activity the old version does not have")));
      }
    }
    MigrationPlan generated =
        runtime
            .createMigrationPlan(from.definitionId(), to.definitionId())
            .mapEqualActivities()
            .updateEventTriggers()
            .build();
    MigrationPlanBuilder builder =
        runtime.createMigrationPlan(from.definitionId(), to.definitionId());
    for (MigrationInstruction instruction : generated.getInstructions()) {
      if (mapping.activities().containsKey(instruction.getSourceActivityId())) {
        continue;
      }
      MigrationInstructionBuilder mapped =
          builder.mapActivities(
              instruction.getSourceActivityId(), instruction.getTargetActivityId());
      builder = instruction.isUpdateEventTrigger() ? mapped.updateEventTrigger() : mapped;
    }
    for (Map.Entry<String, String> entry : mapping.activities().entrySet()) {
      MigrationInstructionBuilder mapped = builder.mapActivities(entry.getKey(), entry.getValue());
      ActivityImpl activity = source.findActivity(entry.getKey());
      // an unknown activity is left to the engine's validation, which names it
      boolean trigger =
          activity != null
              && (activity.getActivityBehavior() instanceof ConditionalEventBehavior
                  || UpdateEventTriggersValidator.definesPersistentEventTrigger(activity));
      builder = trigger ? mapped.updateEventTrigger() : mapped;
    }
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      List<Map<String, Object>> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report :
          e.getValidationReport().getInstructionReports()) {
        problems.add(
            problem(
                report.getMigrationInstruction().getSourceActivityId(),
                report.getMigrationInstruction().getTargetActivityId(),
                String.join("; ", report.getFailures())));
      }
      throw planRefused(problems);
    }
  }

  /** The activities of the old version where instances wait, with where the plan moves them. */
  private Map<String, ActivityTally> waiting(Version from, MigrationPlan plan) {
    Map<String, String> targets = new LinkedHashMap<>();
    for (MigrationInstruction instruction : plan.getInstructions()) {
      targets.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
    }
    BpmnModelInstance model = repository.getBpmnModelInstance(from.definitionId());
    Map<String, ActivityTally> tallies = new LinkedHashMap<>();
    for (ActivityStatistics statistics :
        management.createActivityStatisticsQuery(from.definitionId()).list()) {
      if (statistics.getInstances() == 0) {
        continue;
      }
      String id = statistics.getId();
      ModelElementInstance element = model.getModelElementById(id);
      String name = element instanceof FlowElement flow ? flow.getName() : null;
      tallies.put(id, new ActivityTally(id, name, targets.get(id), statistics.getInstances()));
    }
    return tallies;
  }

  /**
   * Moves up to {@code tries} instances per activity, each in a savepoint rolled back at once, the
   * whole in a transaction rolled back at the end: the answers of a real move, nothing changed.
   */
  private void tryEach(
      Version from,
      Version to,
      MigrationPlan plan,
      MigrationMapping mapping,
      Map<String, ActivityTally> tallies,
      int tries) {
    Map<String, JavaDelegate> steps = new LinkedHashMap<>();
    mapping.prepare().forEach((activityId, task) -> steps.put(activityId, prepareStep(to, task)));
    TransactionTemplate outer = new TransactionTemplate(transactions);
    outer.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    TransactionTemplate savepoint = new TransactionTemplate(transactions);
    savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    outer.executeWithoutResult(
        outerStatus -> {
          Map<String, Outcome> outcomes = new LinkedHashMap<>();
          for (ActivityTally tally : tallies.values()) {
            for (ProcessInstance instance :
                runtime
                    .createProcessInstanceQuery()
                    .processDefinitionId(from.definitionId())
                    .activityIdIn(tally.activityId)
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(0, tries)) {
              Outcome outcome =
                  outcomes.computeIfAbsent(
                      instance.getId(),
                      id ->
                          savepoint.execute(
                              status -> {
                                try {
                                  return attempt(id, plan, steps);
                                } finally {
                                  status.setRollbackOnly();
                                }
                              }));
              tally.add(outcome);
            }
          }
          outerStatus.setRollbackOnly();
        });
  }

  /** One instance moved (inside a savepoint the caller rolls back). */
  private Outcome attempt(
      String processInstanceId, MigrationPlan plan, Map<String, JavaDelegate> steps) {
    try {
      for (Map.Entry<String, JavaDelegate> step : steps.entrySet()) {
        if (runtime
                .createExecutionQuery()
                .processInstanceId(processInstanceId)
                .activityId(step.getKey())
                .count()
            > 0) {
          prepare(processInstanceId, step.getValue());
        }
      }
      runtime.newMigration(plan).processInstanceIds(processInstanceId).execute();
      return Outcome.MOVES;
    } catch (AuthorizationException e) {
      throw e;
    } catch (MigratingProcessInstanceValidationException e) {
      MigratingProcessInstanceValidationReport report = e.getValidationReport();
      Map<String, List<String>> byActivity = new LinkedHashMap<>();
      for (MigratingActivityInstanceValidationReport activity :
          report.getActivityInstanceReports()) {
        byActivity
            .computeIfAbsent(activity.getSourceScopeId(), k -> new ArrayList<>())
            .addAll(activity.getFailures());
      }
      for (MigratingTransitionInstanceValidationReport transition :
          report.getTransitionInstanceReports()) {
        byActivity
            .computeIfAbsent(transition.getSourceScopeId(), k -> new ArrayList<>())
            .addAll(transition.getFailures());
      }
      return new Outcome(false, byActivity, report.getFailures());
    } catch (RuntimeException e) {
      return new Outcome(false, Map.of(), List.of("the move fails in the engine: " + firstLine(e)));
    }
  }

  /**
   * Runs one step of the new version (a service task's delegate) on the instance as the engine runs
   * custom code: inside a command, through the engine's delegate interceptor.
   */
  private void prepare(String processInstanceId, JavaDelegate step) {
    configuration
        .getCommandExecutorTxRequired()
        .execute(
            commandContext -> {
              ExecutionEntity instance =
                  commandContext.getExecutionManager().findExecutionById(processInstanceId);
              try {
                configuration
                    .getDelegateInterceptor()
                    .handleInvocation(new JavaDelegateInvocation(step, instance));
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              return null;
            });
  }

  /** The delegate of the new version's service task a mapping's "prepare" names. */
  private JavaDelegate prepareStep(Version to, String serviceTaskId) {
    ModelElementInstance element =
        repository.getBpmnModelInstance(to.definitionId()).getModelElementById(serviceTaskId);
    Matcher bean =
        element instanceof ServiceTask task && task.getCamundaDelegateExpression() != null
            ? DELEGATE.matcher(task.getCamundaDelegateExpression())
            : null;
    if (bean == null
        || !bean.matches()
        || !beans.containsBean(bean.group(1))
        || !(beans.getBean(bean.group(1)) instanceof JavaDelegate delegate)) {
      throw planRefused(
          List.of(
              problem(
                  null,
                  serviceTaskId,
                  "\"prepare\" must name a service task of the new version whose delegate is one of"
                      + " the application's")));
    }
    return delegate;
  }

  private long count(Version from) {
    return runtime.createProcessInstanceQuery().processDefinitionId(from.definitionId()).count();
  }

  private ProcessDefinitionImpl deployed(String definitionId) {
    return (ProcessDefinitionImpl)
        ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definitionId);
  }

  /** Runs the calls as the caller: the engine checks its rights. */
  private <T> T as(Caller caller, Supplier<T> calls) {
    Authentication before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.userId(), caller.groupIds());
    try {
      return calls.get();
    } catch (AuthorizationException e) {
      throw new ForbiddenException(
          "The engine's rights of your user do not allow this: a migration needs READ and"
              + " MIGRATE_INSTANCE on the process and the right to create a migration batch.");
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }

  private static Version version(ProcessDefinition definition) {
    return new Version(
        definition.getId(),
        definition.getKey(),
        definition.getVersion(),
        definition.getVersionTag(),
        definition.getName());
  }

  private static ConflictException planRefused(List<Map<String, Object>> problems) {
    return new ConflictException(
        "migration-plan-invalid",
        "No migration plan",
        "The engine cannot make a plan between these versions with the mapping of"
            + " processes/migrations/; see instructions. Nothing was started.",
        Map.of("instructions", problems));
  }

  private static Map<String, Object> problem(String source, String target, String reason) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("sourceActivityId", source);
    problem.put("targetActivityId", target);
    problem.put("reason", reason);
    return problem;
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.lines().findFirst().orElse("").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Whether one instance would move, and why not, per activity and in general. */
  private record Outcome(
      boolean moves, Map<String, List<String>> byActivity, List<String> general) {
    static final Outcome MOVES = new Outcome(true, Map.of(), List.of());
  }

  /** The answer for one activity, filled as instances waiting there are tried. */
  private static final class ActivityTally {
    final String activityId;
    final String name;
    final String target;
    final long instances;
    int checked;
    int canMove;
    final Set<String> reasons = new LinkedHashSet<>();

    ActivityTally(String activityId, String name, String target, long instances) {
      this.activityId = activityId;
      this.name = name;
      this.target = target;
      this.instances = instances;
    }

    void add(Outcome outcome) {
      checked++;
      if (outcome.moves()) {
        canMove++;
        return;
      }
      List<String> own = outcome.byActivity().getOrDefault(activityId, List.of());
      own.forEach(this::reason);
      outcome.general().forEach(this::reason);
      outcome
          .byActivity()
          .forEach(
              (other, failures) -> {
                if (!other.equals(activityId)) {
                  failures.forEach(f -> reason("the same instance at " + other + ": " + f));
                }
              });
    }

    private void reason(String reason) {
      if (reasons.size() < MAX_REASONS) {
        reasons.add(reason);
      }
    }

    ActivityPlan plan() {
      return new ActivityPlan(
          activityId, name, target, instances, checked, canMove, List.copyOf(reasons));
    }
  }
}
