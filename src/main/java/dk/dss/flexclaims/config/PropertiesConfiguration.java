package dk.dss.flexclaims.config;

import dk.dss.flexclaims.demo.DemoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The application's settings ({@code flex.*} in application.yaml) as typed records. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DemoProperties.class, CalendarProperties.class})
class PropertiesConfiguration {}
