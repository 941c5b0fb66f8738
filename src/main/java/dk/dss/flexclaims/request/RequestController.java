package dk.dss.flexclaims.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/requests}: advice callbacks and second opinions (interfaces.md, "Requests"). */
@RestController
@RequestMapping("/api/requests")
class RequestController {

  private final RequestService requests;

  RequestController(RequestService requests) {
    this.requests = requests;
  }

  /**
   * The body of {@code POST /api/requests}; {@link #toString()} leaves out the question and the
   * phone.
   */
  record FiledRequest(
      @NotBlank @Size(max = 9) String policyNumber,
      @NotBlank @Size(max = 12) String personId,
      @NotNull RequestKind kind,
      @NotBlank @Size(max = 4000) String question,
      @NotBlank
          @Pattern(
              regexp = "\\+?[0-9 ]{8,20}",
              message = "must be a phone number, e.g. +45 12 34 56 78")
          String phone) {
    @Override
    public String toString() {
      return "FiledRequest[policyNumber="
          + policyNumber
          + ", personId="
          + personId
          + ", kind="
          + kind
          + "]";
    }
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> file(@Valid @RequestBody FiledRequest body) {
    Request request =
        requests.file(
            new RequestService.NewRequest(
                body.policyNumber(), body.personId(), body.kind(), body.question(), body.phone()));
    return ResponseEntity.created(URI.create("/api/requests/" + request.requestNumber()))
        .body(
            Map.of(
                "requestNumber",
                request.requestNumber(),
                "status",
                request.status(),
                "callbackDueAt",
                request.callbackDueAt()));
  }

  @GetMapping("/{requestNumber}")
  RequestService.RequestView request(@PathVariable String requestNumber) {
    return requests.view(requestNumber);
  }
}
