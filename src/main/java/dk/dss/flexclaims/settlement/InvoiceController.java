package dk.dss.flexclaims.settlement;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** {@code /api/claims/{claimNumber}/invoices}: send an invoice for settlement, follow it. */
@RestController
@RequestMapping("/api/claims/{claimNumber}/invoices")
class InvoiceController {

  private final InvoiceService invoices;

  InvoiceController(InvoiceService invoices) {
    this.invoices = invoices;
  }

  @PostMapping
  ResponseEntity<InvoiceService.InvoiceView> receive(
      @PathVariable String claimNumber, @Valid @RequestBody InvoiceRequest request) {
    InvoiceService.InvoiceView invoice = invoices.receive(claimNumber, request);
    return ResponseEntity.accepted()
        .location(
            URI.create(
                "/api/claims/"
                    + claimNumber
                    + "/invoices/"
                    + UriUtils.encodePathSegment(
                        invoice.invoiceNumber(), java.nio.charset.StandardCharsets.UTF_8)))
        .body(invoice);
  }

  @GetMapping("/{invoiceNumber}")
  InvoiceService.InvoiceView invoice(
      @PathVariable String claimNumber, @PathVariable String invoiceNumber) {
    return invoices.view(claimNumber, invoiceNumber);
  }
}
