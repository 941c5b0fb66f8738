package dk.dss.flexclaims;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Flex Claims: claims handling for Health insurance Flex on the Camunda 7 engine. */
@SpringBootApplication
public class FlexClaimsApplication {

  public static void main(String[] args) {
    SpringApplication.run(FlexClaimsApplication.class, args);
  }
}
