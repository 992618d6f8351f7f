package com.salesledger.command.credit;

import com.salesledger.command.common.LostRaces;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.EvaluateCreditWarnings;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the early-warning evaluation of accounts, as the system: the events it causes (warnings,
 * automatic holds) carry {@code system} as their actor.
 */
@Component
public class CreditReviews {

  public static final String SYSTEM_USER = "system";

  private static final Logger log = LoggerFactory.getLogger(CreditReviews.class);

  private final CommandGateway gateway;
  private final JdbcTemplate jdbc;

  public CreditReviews(CommandGateway gateway, JdbcTemplate jdbc) {
    this.gateway = gateway;
    this.jdbc = jdbc;
  }

  /** Evaluates one account now; the caller's correlation id (if any) is kept. */
  public void evaluate(String customerId, String correlationId) {
    // a win on another command-side instance may take the account's next event first
    LostRaces.retried(() -> send(customerId, correlationId));
  }

  private Object send(String customerId, String correlationId) {
    return gateway.sendAndWait(
        GenericCommandMessage.asCommandMessage(new EvaluateCreditWarnings(customerId))
            .andMetaData(
                MetaData.from(
                    Map.of(
                        LedgerMetaData.USER,
                        SYSTEM_USER,
                        LedgerMetaData.ROLES,
                        "SYSTEM",
                        LedgerMetaData.REASON,
                        "early-warning evaluation",
                        LedgerMetaData.CORRELATION_ID,
                        correlationId != null ? correlationId : UUID.randomUUID().toString()))),
        60,
        TimeUnit.SECONDS);
  }

  /** The daily review: every account, as of today; one failure does not stop the others. */
  public int evaluateAll() {
    List<String> customers =
        jdbc.queryForList(
            "select customer_id from credit_account_directory order by customer_id", String.class);
    String correlationId = "credit-review-" + UUID.randomUUID();
    int failed = 0;
    for (String customerId : customers) {
      try {
        evaluate(customerId, correlationId);
      } catch (RuntimeException e) {
        failed++;
        log.warn("Credit review of {} failed; the next review retries it", customerId, e);
      }
    }
    log.info("Credit review: {} accounts evaluated, {} failed", customers.size(), failed);
    if (failed > 0) {
      throw new IllegalStateException(failed + " credit reviews failed");
    }
    return customers.size();
  }

  public boolean hasAccount(String customerId) {
    return !jdbc.queryForList(
            "select 1 from credit_account_directory where customer_id = ?",
            Integer.class,
            customerId)
        .isEmpty();
  }

  void addAccount(String customerId) {
    jdbc.update(
        "insert into credit_account_directory (customer_id) values (?) on conflict do nothing",
        customerId);
  }
}
