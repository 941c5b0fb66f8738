package dk.dss.flexclaims.letter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stands in for e-Boks until the integration exists: logs that a letter went out, with only its id,
 * type and policy/claim number — never the text, names or CPR numbers.
 */
class LoggingLetterSender implements LetterSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingLetterSender.class);

  @Override
  public void send(Letter letter) {
    log.info(
        "Letter {} ({}) sent for policy {}{}",
        letter.id(),
        letter.type(),
        letter.policyNumber(),
        letter.claimNumber() == null ? "" : ", claim " + letter.claimNumber());
  }

  @Configuration(proxyBeanMethods = false)
  static class Setup {
    @Bean
    @ConditionalOnMissingBean(LetterSender.class)
    LetterSender loggingLetterSender() {
      return new LoggingLetterSender();
    }
  }
}
