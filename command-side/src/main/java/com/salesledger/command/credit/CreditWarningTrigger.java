package com.salesledger.command.credit;

import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditAccountReleased;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.credit.CreditLimitChanged;
import com.salesledger.events.credit.HeldDealReleased;
import com.salesledger.events.credit.ReceivableRecorded;
import com.salesledger.events.credit.ReceivableSettled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Evaluation "on each relevant event": after every event that changes exposure, the limit or the
 * open invoices of a customer with an account, the account is evaluated (as the system). A
 * persistent processor (its position in token_entry) so nothing is skipped across restarts; the
 * evaluation changes nothing when nothing changed, so handling an event twice is harmless.
 */
@Component
@ProcessingGroup(CreditWarningTrigger.PROCESSOR)
class CreditWarningTrigger {

  static final String PROCESSOR = "credit-warnings";

  private final CreditReviews reviews;

  CreditWarningTrigger(CreditReviews reviews) {
    this.reviews = reviews;
  }

  @EventHandler
  void on(
      CreditAccountOpened event,
      @MetaDataValue(LedgerMetaData.CORRELATION_ID) String correlationId) {
    reviews.addAccount(event.customerId());
    reviews.evaluate(event.customerId(), correlationId);
  }

  @EventHandler
  void on(CreditLimitChanged event, @MetaDataValue(LedgerMetaData.CORRELATION_ID) String id) {
    reviews.evaluate(event.customerId(), id);
  }

  @EventHandler
  void on(CreditAccountReleased event, @MetaDataValue(LedgerMetaData.CORRELATION_ID) String id) {
    reviews.evaluate(event.customerId(), id);
  }

  @EventHandler
  void on(CreditCheckPassed event, @MetaDataValue(LedgerMetaData.CORRELATION_ID) String id) {
    if (event.check().accountOpen()) {
      reviews.evaluate(event.customerId(), id);
    }
  }

  @EventHandler
  void on(HeldDealReleased event, @MetaDataValue(LedgerMetaData.CORRELATION_ID) String id) {
    reviews.evaluate(event.customerId(), id);
  }

  @EventHandler
  void on(ReceivableRecorded event, @MetaDataValue(LedgerMetaData.CORRELATION_ID) String id) {
    evaluateIfAccount(event.customerId(), id);
  }

  @EventHandler
  void on(ReceivableSettled event, @MetaDataValue(LedgerMetaData.CORRELATION_ID) String id) {
    evaluateIfAccount(event.customerId(), id);
  }

  private void evaluateIfAccount(String customerId, String correlationId) {
    if (reviews.hasAccount(customerId)) {
      reviews.evaluate(customerId, correlationId);
    }
  }
}
