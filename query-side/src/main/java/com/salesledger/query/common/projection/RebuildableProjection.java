package com.salesledger.query.common.projection;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * A projection that can be rebuilt beside its live self: the live instance (a Spring bean in its
 * processing group) names its processor and tables and makes a twin that writes the shadow tables.
 */
public interface RebuildableProjection {

  /** The live processor's name (its processing group). */
  String processor();

  /** Every table the projection writes; a rebuild swaps all of them at once. */
  List<String> tables();

  /** A fresh handler instance that writes into {@code tables}. */
  Object writingInto(Tables tables);

  /**
   * The order its events must be handled in, the same for the live processor and a rebuild: by
   * default Axon's, per aggregate.
   */
  default SequencingPolicy<? super EventMessage<?>> sequencing() {
    return SequentialPerAggregatePolicy.instance();
  }
}
