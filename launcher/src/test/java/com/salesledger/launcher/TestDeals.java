package com.salesledger.launcher;

import static com.salesledger.launcher.SharedLedger.unique;

import java.util.HashMap;
import java.util.Map;

/** Request bodies the tests share; each test changes only what it is about. */
final class TestDeals {

  private TestDeals() {}

  /** A valid deal for {@code ownerRep}, opened 2025-01-15, for a customer of its own. */
  static Map<String, Object> dealFor(String ownerRep) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", unique("cust"));
    body.put("ownerRep", ownerRep);
    body.put("team", "north-1");
    body.put("region", "north");
    body.put("productLine", "software");
    body.put("amount", "100.00");
    body.put("expectedCloseDate", "2025-06-30");
    body.put("openedOn", "2025-01-15");
    return body;
  }
}
