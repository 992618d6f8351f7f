package com.salesledger.command.history;

import com.salesledger.command.common.Rejected;
import com.salesledger.command.credit.CreditAccount;
import com.salesledger.command.credit.CreditLedger;
import com.salesledger.command.credit.CreditPolicy;
import com.salesledger.command.deal.Deal;
import com.salesledger.command.organisation.Organisation;
import com.salesledger.command.organisation.OrganisationTimeline;
import com.salesledger.command.receivable.Invoice;
import com.salesledger.command.receivable.InvoiceIssuing;
import com.salesledger.command.receivable.IssuedInvoices;
import com.salesledger.command.target.SalesTarget;
import com.salesledger.command.target.TargetDecompositions;
import com.salesledger.command.target.TargetPolicy;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.deal.DealPutOnCreditHold;
import com.salesledger.events.deal.WinDeal;
import com.salesledger.platform.LedgerSettings;
import com.salesledger.platform.security.AccessPolicy;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

/**
 * The ledger's real aggregates and command handlers (Deal, Invoice, InvoiceIssuing, CreditAccount
 * with the credit check on a win and the exposure kept by invoices, the organisation, targets and
 * their decomposition) in an in-memory Axon configuration. Generated commands go through them
 * exactly as through the running command side, so a generated history holds only events the
 * business rules accepted; a refused command leaves nothing behind.
 */
final class AggregateSandbox implements AutoCloseable {

  private final ChunkEventStorage storage = new ChunkEventStorage();
  private final Configuration axon;
  private final CommandGateway gateway;
  private final MetaData metaData;
  private long refused;

  AggregateSandbox(
      Clock clock, MetaData metaData, int paymentTermsDays, OrganisationTimeline organisation) {
    this.metaData = metaData;
    CreditPolicy creditPolicy = CreditPolicy.defaults();
    AccessPolicy access = new AccessPolicy(organisation, clock);
    TargetPolicy targetPolicy = new TargetPolicy(new BigDecimal("0.10"));
    Supplier<CreditLedger> credit = this::creditLedger;
    this.axon =
        DefaultConfigurer.defaultConfiguration(false)
            // no configurer modules: the Axon Server connector on the classpath stays out of it
            .configureEmbeddedEventStore(c -> storage)
            .configureCommandBus(c -> SimpleCommandBus.builder().build())
            .registerComponent(
                ParameterResolverFactory.class,
                c ->
                    MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Deal.class),
                        new ResourceResolverFactory(
                            // the target policy is never used (no revisions are generated),
                            // but every handler of the aggregate must resolve
                            List.of(clock, access, creditPolicy, organisation, targetPolicy),
                            credit)))
            .configureCorrelationDataProviders(
                c ->
                    List.of(
                        new MessageOriginProvider(
                            LedgerMetaData.CAUSATION_ID, LedgerMetaData.TRACE_ID),
                        new SimpleCorrelationDataProvider(
                            LedgerMetaData.USER,
                            LedgerMetaData.ROLES,
                            LedgerMetaData.REASON,
                            LedgerMetaData.CORRELATION_ID)))
            .configureAggregate(Deal.class)
            .configureAggregate(Invoice.class)
            .configureAggregate(CreditAccount.class)
            .configureAggregate(Organisation.class)
            .configureAggregate(SalesTarget.class)
            .registerCommandHandler(
                c ->
                    new TargetDecompositions(
                        c.repository(SalesTarget.class),
                        access,
                        organisation,
                        new LedgerSettings("EUR", "UTC")))
            .registerComponent(
                CreditLedger.class,
                c ->
                    new CreditLedger(
                        c.repository(CreditAccount.class), c.eventStore(), clock, creditPolicy))
            .registerCommandHandler(
                c ->
                    new InvoiceIssuing(
                        c.repository(Deal.class),
                        c.repository(Invoice.class),
                        new IssuedInvoices(c.eventStore()),
                        c.getComponent(CreditLedger.class),
                        paymentTermsDays))
            .buildConfiguration();
    axon.start();
    this.gateway = axon.commandGateway();
  }

  /**
   * Sends one command; a refusal by a business rule is counted, never stored. Answers whether it
   * did what it asked: false if refused, or for a win, if the credit check put the deal on hold.
   */
  boolean send(Object command) {
    int before = storage.appendedCount();
    try {
      gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    } catch (Rejected | CommandExecutionException e) {
      refused++;
      return false;
    }
    return !(command instanceof WinDeal)
        || storage.appendedSince(before).stream()
            .noneMatch(e -> e.getPayload() instanceof DealPutOnCreditHold);
  }

  /** The events accepted since the last call. */
  List<DomainEventMessage<?>> drain() {
    return storage.drain();
  }

  private CreditLedger creditLedger() {
    return axon.getComponent(CreditLedger.class);
  }

  long refused() {
    return refused;
  }

  @Override
  public void close() {
    axon.shutdown();
  }

  /**
   * The command side's handlers take Spring beans as parameters (the clock, the access policy, the
   * credit policy, the credit ledger's ports); here they are resolved by type from the objects
   * given. The credit ledger exists only once the configuration is built, so it is looked up when a
   * handler runs.
   */
  private record ResourceResolverFactory(List<Object> resources, Supplier<CreditLedger> credit)
      implements ParameterResolverFactory {
    @Override
    public ParameterResolver<?> createInstance(
        Executable executable, Parameter[] parameters, int index) {
      Class<?> type = parameters[index].getType();
      if (type != Object.class && type.isAssignableFrom(CreditLedger.class)) {
        return new ParameterResolver<Object>() {
          @Override
          public Object resolveParameterValue(Message<?> message) {
            return credit.get();
          }

          @Override
          public boolean matches(Message<?> message) {
            return true;
          }
        };
      }
      for (Object resource : resources) {
        if (parameters[index].getType().isInstance(resource)) {
          return new FixedValueParameterResolver<>(resource);
        }
      }
      return null;
    }
  }
}
