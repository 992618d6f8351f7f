package com.salesledger.command.history;

import com.salesledger.command.organisation.OrganisationTimeline;
import com.salesledger.events.common.LedgerMetaData;
import java.time.Clock;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/** What the generator's tests share: the loader's metadata and a history's organisation. */
final class GeneratedHistoryFixture {

  static final MetaData ADMIN =
      MetaData.from(
          Map.of(LedgerMetaData.USER, "history-generator", LedgerMetaData.ROLES, "ADMIN"));

  private GeneratedHistoryFixture() {}

  /** The organisation of {@code history}, sent through the real aggregate as the generator does. */
  static OrganisationTimeline organisationOf(SalesHistory history, Clock clock) {
    try (AggregateSandbox sandbox =
        new AggregateSandbox(clock, ADMIN, 30, new OrganisationTimeline())) {
      history.organisation().forEach(sandbox::send);
      if (sandbox.refused() > 0) {
        throw new IllegalStateException("organisation commands refused: " + sandbox.refused());
      }
      return HistoryGenerator.organisationOf(sandbox.drain());
    }
  }
}
