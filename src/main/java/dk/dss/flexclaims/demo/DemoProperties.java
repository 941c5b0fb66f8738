package dk.dss.flexclaims.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flex.demo.*}: the local demo. Off in the postgres profile.
 *
 * @param enabled demo users, one per group, password "demo"
 * @param data and, on the first start of an empty database, a demo policy with claims to work on
 */
@ConfigurationProperties("flex.demo")
public record DemoProperties(
    @DefaultValue("false") boolean enabled, @DefaultValue("true") boolean data) {}
