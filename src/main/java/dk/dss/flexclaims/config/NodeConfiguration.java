package dk.dss.flexclaims.config;

import java.time.Duration;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Start and stop of a node among others on one database (ADR 0023). */
@Configuration(proxyBeanMethods = false)
class NodeConfiguration {

  /** The engine starter's job thread pool, the bean {@code camundaTaskExecutor}. */
  static final String JOB_POOL = "camundaTaskExecutor";

  @Bean
  static BeanPostProcessor jobPoolShutdown(
      @Value("${flex.shutdown.jobs-wait:PT30S}") Duration wait) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (JOB_POOL.equals(beanName) && bean instanceof ThreadPoolTaskExecutor pool) {
          JobExecutorShutdown.prepare(pool, wait);
        }
        return bean;
      }
    };
  }

  /** Where job execution is on (not in the tests' shared context). */
  @Bean
  JobExecutorShutdown jobExecutorShutdown(
      ObjectProvider<JobExecutor> jobExecutor,
      @Qualifier(JOB_POOL) ObjectProvider<ThreadPoolTaskExecutor> pool,
      @Value("${flex.shutdown.jobs-wait:PT30S}") Duration wait) {
    return new JobExecutorShutdown(jobExecutor::getIfUnique, pool::getIfUnique, wait);
  }
}
