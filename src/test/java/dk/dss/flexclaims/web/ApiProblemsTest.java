package dk.dss.flexclaims.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * An unexpected exception: 500 problem details, a reference, and nothing of its message anywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiProblemsTest {

  @Test
  void anUnexpectedExceptionIsAGeneric500(CapturedOutput output) {
    Exception failure =
        new IllegalStateException(
            "could not insert 6101011234 for Nina Holm",
            new RuntimeException("value 6101011234 too long"));

    ResponseEntity<Object> answer =
        new ApiProblems().unexpected(failure, new MockHttpServletRequest("POST", "/api/policies"));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    ProblemDetail problem = (ProblemDetail) answer.getBody();
    assertThat(problem.getType().toString()).isEqualTo("https://flex.dss.dk/problems/internal");
    assertThat(problem.getTitle()).isEqualTo("Internal error");
    String reference = (String) problem.getProperties().get("reference");
    assertThat(problem.getDetail())
        .contains(reference)
        .doesNotContain("6101011234")
        .doesNotContain("Nina");
    assertThat(output.getAll())
        .contains(
            reference,
            "IllegalStateException",
            "POST /api/policies",
            "Caused by: java.lang.RuntimeException")
        .doesNotContain("6101011234")
        .doesNotContain("Nina Holm");
  }
}
