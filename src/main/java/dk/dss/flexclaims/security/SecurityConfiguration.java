package dk.dss.flexclaims.security;

import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.web.ApiRoles;
import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what.
 *
 * <ul>
 *   <li>{@code /api/**} (the application's own API) and {@code /actuator/**} except health: HTTP
 *       Basic against Camunda's users (Spring Security), stateless, problem+json on 401/403; which
 *       group may call what is the table {@link ApiRoles}.
 *   <li>{@code /engine-rest/**} (Camunda's REST API): HTTP Basic through Camunda's own {@link
 *       ProcessEngineAuthenticationFilter}, so that the engine's authorization checks run as the
 *       calling user.
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the webapps' own login session and CSRF
 *       protection; Spring Security stays out of their way.
 *   <li>Task queries with expressions are refused on both REST paths ({@link
 *       TaskQueryExpressionGuard}).
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
    http.securityMatcher("/api/**", "/actuator/**", "/error")
        .authorizeHttpRequests(
            auth -> {
              // an error page rendered for a request this chain already let through (or refused)
              auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
              auth.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                  .permitAll();
              for (ApiRoles.Rule rule : ApiRoles.RULES) {
                var matcher =
                    rule.method() == null
                        ? auth.requestMatchers(rule.pattern())
                        : auth.requestMatchers(rule.method(), rule.pattern());
                if (rule.groups().equals(ApiRoles.ANY_LOGGED_IN)) {
                  matcher.authenticated();
                } else {
                  matcher.hasAnyAuthority(ApiRoles.authorities(rule));
                }
              }
              // called directly, the error page is a problem like any other answer
              auth.requestMatchers("/error").authenticated();
              // a path no rule names: administrators only, so a new endpoint is closed until it has
              // a rule
              auth.anyRequest().hasAuthority(authority(Groups.ADMIN));
            })
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  /** Everything else: the webapps and the engine REST API bring their own authentication. */
  @Bean
  @Order(2)
  SecurityFilterChain webappsAndEngineRest(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
    return http.build();
  }

  @Bean
  FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard() {
    FilterRegistrationBean<TaskQueryExpressionGuard> registration =
        new FilterRegistrationBean<>(new TaskQueryExpressionGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("taskQueryExpressionGuard");
    registration.setOrder(0);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engineRestAuthentication");
    registration.setOrder(10);
    return registration;
  }

  static String authority(String group) {
    return ApiRoles.authority(group);
  }
}
