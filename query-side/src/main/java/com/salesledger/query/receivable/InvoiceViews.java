package com.salesledger.query.receivable;

import com.salesledger.platform.security.DataScope;
import java.time.LocalDate;
import java.util.Optional;

/** The invoices read model, as the receivable queries see it; every read is within a scope. */
public interface InvoiceViews {

  /**
   * The invoice as of a day, or empty when it is unknown or outside the scope (the caller cannot
   * tell which).
   */
  Optional<InvoiceView> find(String invoiceId, LocalDate asOf, DataScope scope);
}
