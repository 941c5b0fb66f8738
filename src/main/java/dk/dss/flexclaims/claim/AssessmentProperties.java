package dk.dss.flexclaims.claim;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flex.assessment.*}.
 *
 * @param courseMaxWithoutYearlyLimit the most treatments one approval may give for a cover without
 *     a yearly count (PSYCHOLOGIST: "the necessary number", terms §5.7; ASSESS_TREATMENTS_MAX)
 */
@ConfigurationProperties("flex.assessment")
public record AssessmentProperties(@DefaultValue("20") int courseMaxWithoutYearlyLimit) {

  public AssessmentProperties {
    if (courseMaxWithoutYearlyLimit < 1) {
      throw new IllegalArgumentException(
          "flex.assessment.course-max-without-yearly-limit must be at least 1");
    }
  }
}
