package com.salesledger.query.receivable;

import com.salesledger.platform.security.DataScope;
import java.time.LocalDate;

/** Receivables in aggregate: ageing and collections, always within a scope. */
public interface Receivables {

  /**
   * Open amounts as of {@code asOf}: only invoices issued by then, less only the payments, credit
   * notes and write-offs dated up to then.
   */
  AgeingReport ageing(
      LocalDate asOf,
      ReceivableGroupBy groupBy,
      AgeingBuckets buckets,
      AgeingBasis basis,
      DataScope scope);

  /** Collections, credit sales, write-offs, DSO and bad-debt rate of the days from–to. */
  CollectionsReport collections(
      LocalDate from, LocalDate to, ReceivableGroupBy groupBy, DataScope scope);
}
