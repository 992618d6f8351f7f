package com.salesledger.command.history;

import com.salesledger.command.common.Rejected;
import com.salesledger.command.deal.Deal;
import com.salesledger.command.receivable.Invoice;
import com.salesledger.command.receivable.InvoiceIssuing;
import com.salesledger.command.receivable.IssuedInvoices;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.platform.security.AccessPolicy;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

/**
 * The ledger's real aggregates and command handlers (Deal, Invoice, InvoiceIssuing) in an in-memory
 * Axon configuration. Generated commands go through them exactly as through the running command
 * side, so a generated history holds only events the business rules accepted; a refused command
 * leaves nothing behind.
 */
final class AggregateSandbox implements AutoCloseable {

  private final ChunkEventStorage storage = new ChunkEventStorage();
  private final Configuration axon;
  private final CommandGateway gateway;
  private final MetaData metaData;
  private long refused;

  AggregateSandbox(Clock clock, MetaData metaData, int paymentTermsDays) {
    this.metaData = metaData;
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
                        new ResourceResolverFactory(List.of(clock, new AccessPolicy(clock)))))
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
            .registerCommandHandler(
                c ->
                    new InvoiceIssuing(
                        c.repository(Deal.class),
                        c.repository(Invoice.class),
                        new IssuedInvoices(c.eventStore()),
                        paymentTermsDays))
            .buildConfiguration();
    axon.start();
    this.gateway = axon.commandGateway();
  }

  /** Sends one command; a refusal by a business rule is counted, never stored. */
  void send(Object command) {
    try {
      gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    } catch (Rejected | CommandExecutionException e) {
      refused++;
    }
  }

  /** The events accepted since the last call. */
  List<DomainEventMessage<?>> drain() {
    return storage.drain();
  }

  long refused() {
    return refused;
  }

  @Override
  public void close() {
    axon.shutdown();
  }

  /**
   * The command side's handlers take Spring beans as parameters (the clock, the access policy);
   * here they are resolved by type from the objects given.
   */
  private record ResourceResolverFactory(List<Object> resources)
      implements ParameterResolverFactory {
    @Override
    public ParameterResolver<?> createInstance(
        Executable executable, Parameter[] parameters, int index) {
      for (Object resource : resources) {
        if (parameters[index].getType().isInstance(resource)) {
          return new FixedValueParameterResolver<>(resource);
        }
      }
      return null;
    }
  }
}
