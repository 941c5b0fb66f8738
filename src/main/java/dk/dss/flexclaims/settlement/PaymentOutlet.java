package dk.dss.flexclaims.settlement;

/**
 * The way out to the bank (payment files are an outside system). Called after the payment is
 * committed.
 */
public interface PaymentOutlet {

  /** Hands a recorded payment over for transfer. */
  void pay(Payment payment);
}
