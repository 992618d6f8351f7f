package com.salesledger.query.deal;

import com.salesledger.platform.security.DataScope;
import java.util.List;
import java.util.Optional;

/** The deals read model, as the deal queries see it; every read is within a data scope. */
public interface DealViews {

  /** Which deals a list shows: optional owner and status, newest first, one page. */
  record Selection(String owner, String status, int page, int size) {}

  /** The deal, or empty when it is unknown or outside the scope (the caller cannot tell which). */
  Optional<DealView> find(String dealId, DataScope scope);

  List<DealView> list(Selection selection, DataScope scope);
}
