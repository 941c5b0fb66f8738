package dk.dss.flexclaims.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * A test class that runs after all others of the run (e.g. one that reads what the others logged).
 * The order of the other classes stays as JUnit found them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsLast {

  /** The class orderer of the test run (junit-platform.properties). */
  final class Orderer implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
      context.getClassDescriptors().sort(Comparator.comparing(d -> d.isAnnotated(RunsLast.class)));
    }
  }
}
