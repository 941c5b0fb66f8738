package dk.dss.flexclaims.complaint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Complaints (interfaces.md, "Complaints"): filed on a claim, followed by their own number. */
@RestController
class ComplaintController {

  private final ComplaintService complaints;

  ComplaintController(ComplaintService complaints) {
    this.complaints = complaints;
  }

  /**
   * The body of {@code POST /api/claims/{n}/complaints}; {@link #toString()} leaves out the text.
   */
  record ComplaintBody(@NotBlank @Size(max = 8000) String text, LocalDate receivedAt) {
    @Override
    public String toString() {
      return "ComplaintBody[receivedAt=" + receivedAt + "]";
    }
  }

  @PostMapping("/api/claims/{claimNumber}/complaints")
  ResponseEntity<Map<String, Object>> file(
      @PathVariable String claimNumber, @Valid @RequestBody ComplaintBody body) {
    Complaint complaint = complaints.file(claimNumber, body.text(), body.receivedAt());
    return ResponseEntity.created(URI.create("/api/complaints/" + complaint.complaintNumber()))
        .body(
            Map.of(
                "complaintNumber",
                complaint.complaintNumber(),
                "status",
                complaint.status(),
                "dueAt",
                complaint.dueAt()));
  }

  @GetMapping("/api/complaints/{complaintNumber}")
  ComplaintService.ComplaintView complaint(@PathVariable String complaintNumber) {
    return complaints.view(complaintNumber);
  }
}
