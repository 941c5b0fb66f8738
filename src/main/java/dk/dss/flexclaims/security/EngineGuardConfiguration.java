package dk.dss.flexclaims.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The guard of engine operations ({@link EngineOperationGuard}) on both REST paths, after Camunda's
 * authentication of {@code /engine-rest} (order 10 in {@link SecurityConfiguration}), and the check
 * of deployments ({@link DeploymentCheck}) against the application's beans and own processes.
 */
@Configuration
public class EngineGuardConfiguration {

  /** Where the project's own diagrams are packaged. */
  static final String OWN_PROCESSES = "classpath*:processes/**/*.bpmn";

  @Bean
  FilterRegistrationBean<EngineOperationGuard> engineOperationGuard(
      IdentityService identityService,
      RepositoryService repositoryService,
      ApplicationContext context) {
    Supplier<DeploymentCheck> check =
        new Supplier<>() {
          private volatile DeploymentCheck built;

          @Override
          public DeploymentCheck get() {
            if (built == null) {
              built = deploymentCheck(context);
            }
            return built;
          }
        };
    FilterRegistrationBean<EngineOperationGuard> registration =
        new FilterRegistrationBean<>(
            new EngineOperationGuard(identityService, repositoryService, check));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("engineOperationGuard");
    registration.setOrder(20);
    return registration;
  }

  /** The check with the application's beans and the process keys of the diagrams in processes/. */
  public static DeploymentCheck deploymentCheck(ListableBeanFactory beans) {
    return new DeploymentCheck(
        beans::containsBean, name -> isDelegate(beans, name), ownProcessKeys());
  }

  static boolean isDelegate(ListableBeanFactory beans, String name) {
    if (!beans.containsBean(name)) {
      return false;
    }
    Class<?> type = beans.getType(name, false);
    return type != null
        && (JavaDelegate.class.isAssignableFrom(type)
            || ExecutionListener.class.isAssignableFrom(type)
            || TaskListener.class.isAssignableFrom(type)
            || ActivityBehavior.class.isAssignableFrom(type));
  }

  /** The ids of the executable processes of every diagram the project ships in processes/. */
  public static Set<String> ownProcessKeys() {
    Set<String> keys = new TreeSet<>();
    try {
      for (var resource : new PathMatchingResourcePatternResolver().getResources(OWN_PROCESSES)) {
        try (InputStream in = resource.getInputStream()) {
          Bpmn.readModelFromStream(in)
              .getModelElementsByType(Process.class)
              .forEach(p -> keys.add(p.getId()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
