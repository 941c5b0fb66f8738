package dk.dss.flexclaims.settlement;

import dk.dss.flexclaims.handover.HandOver;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Payments to the bank from the payments table as an outbox (ADR 0008): a payment recorded with a
 * settlement is handed over after the commit and again until the bank's side has taken it. The bank
 * should treat the payment id as the key of a transfer, so that a repeated hand-over pays once.
 */
@Service
class PaymentHandOver extends HandOver<Payment> {

  private final InvoiceRepository invoices;
  private final PaymentOutlet outlet;

  PaymentHandOver(
      InvoiceRepository invoices,
      PaymentOutlet outlet,
      Clock clock,
      PlatformTransactionManager transactions) {
    super(clock, transactions);
    this.invoices = invoices;
    this.outlet = outlet;
  }

  @Override
  protected void send(Payment payment) {
    outlet.pay(payment);
  }

  @Override
  protected long idOf(Payment payment) {
    return payment.paymentId();
  }

  @Override
  protected String describe(Payment payment) {
    return "Payment " + payment.paymentId() + " of invoice " + payment.invoiceId();
  }

  @Override
  protected boolean claim(long id, OffsetDateTime now, OffsetDateTime until) {
    return invoices.claimPaymentHandOver(id, now, until);
  }

  @Override
  protected void markHandedOver(long id, OffsetDateTime at) {
    invoices.markPaymentHandedOver(id, at);
  }

  @Override
  protected void markAttemptFailed(long id) {
    invoices.markPaymentAttemptFailed(id);
  }

  @Override
  protected List<Payment> waiting(int max, OffsetDateTime now) {
    return invoices.paymentsWaiting(max, now);
  }
}
