package dk.dss.flexclaims.process;

import static dk.dss.flexclaims.process.ComplaintHandling.CLAIM_NUMBER;
import static dk.dss.flexclaims.process.ComplaintHandling.COMPLAINT_NUMBER;
import static dk.dss.flexclaims.process.ComplaintHandling.SLA_AT_RISK_AT;
import static dk.dss.flexclaims.process.ComplaintHandling.SLA_BREACHED;
import static dk.dss.flexclaims.process.ComplaintHandling.SLA_DUE_AT;

import dk.dss.flexclaims.complaint.ComplaintProcess;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The complaint process's door to the engine ({@code complaint-handling}). */
@Component
class ComplaintHandlingAdapter implements ComplaintProcess {

  private final RuntimeService runtime;

  ComplaintHandlingAdapter(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String start(String complaintNumber, String claimNumber, Instant dueAt, Instant atRiskAt) {
    return runtime
        .startProcessInstanceByKey(
            ComplaintHandling.PROCESS_KEY,
            complaintNumber,
            Map.of(
                COMPLAINT_NUMBER.name(), COMPLAINT_NUMBER.stored(complaintNumber),
                CLAIM_NUMBER.name(), CLAIM_NUMBER.stored(claimNumber),
                SLA_DUE_AT.name(), SLA_DUE_AT.stored(dueAt),
                SLA_AT_RISK_AT.name(), SLA_AT_RISK_AT.stored(atRiskAt),
                SLA_BREACHED.name(), SLA_BREACHED.stored(false)))
        .getId();
  }
}
