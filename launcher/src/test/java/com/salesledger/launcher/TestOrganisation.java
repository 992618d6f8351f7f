package com.salesledger.launcher;

import java.util.List;
import java.util.Map;

/**
 * The organisation every test ledger starts with, effective from 2020-01-01: region north with
 * teams north-1 (managed by manager1; reps rep1 and rep2) and north-2, region south with team
 * south-1. Sent as the admin over HTTP; a restarted ledger already has it (409s are expected).
 */
final class TestOrganisation {

  static final String SINCE = "2020-01-01";

  private TestOrganisation() {}

  static void establish(Ledger ledger) {
    Api admin = Api.at(ledger.commandPort(), "admin");
    if (admin.post("/api/organisation/regions", Map.of()).status() == 401) {
      return; // a ledger without the demo logins (single sign-on): nobody to send it as
    }
    send(
        admin,
        "/api/organisation/regions",
        Map.of("regionId", "north", "name", "North", "effectiveFrom", SINCE));
    send(
        admin,
        "/api/organisation/regions",
        Map.of("regionId", "south", "name", "South", "effectiveFrom", SINCE));
    team(admin, "north-1", "north", List.of("manager1"));
    team(admin, "north-2", "north", List.of());
    team(admin, "south-1", "south", List.of());
    rep(admin, "rep1", "north-1");
    rep(admin, "rep2", "north-1");
  }

  static void region(Api admin, String regionId) {
    send(
        admin,
        "/api/organisation/regions",
        Map.of("regionId", regionId, "name", regionId, "effectiveFrom", SINCE));
  }

  static void team(Api admin, String teamId, String regionId, List<String> managers) {
    send(
        admin,
        "/api/organisation/teams",
        Map.of(
            "teamId", teamId,
            "regionId", regionId,
            "name", teamId,
            "managers", managers,
            "effectiveFrom", SINCE));
  }

  /** Places {@code rep} in {@code teamId} from 2020-01-01 (tests use reps of their own). */
  static void rep(Api admin, String rep, String teamId) {
    send(
        admin,
        "/api/organisation/reps",
        Map.of("rep", rep, "teamId", teamId, "effectiveFrom", SINCE));
  }

  /**
   * A rep of the calling test's own, placed in north-1 (manager1's team) from {@link
   * #NEW_REPS_FROM}: late enough that north-1 exists then even where it was formed by a demo
   * history (Axon Server keeps the events of earlier test ledgers; the demo's teams date from two
   * years back), early enough for the tests' deals (opened 2025-01-15, {@link TestDeals}).
   */
  static String newRep() {
    String rep = SharedLedger.unique("rep");
    send(
        Api.at(SharedLedger.get().commandPort(), "admin"),
        "/api/organisation/reps",
        Map.of("rep", rep, "teamId", "north-1", "effectiveFrom", NEW_REPS_FROM));
    return rep;
  }

  static final String NEW_REPS_FROM = "2025-01-01";

  private static void send(Api admin, String path, Map<String, Object> body) {
    Api.Response answer = admin.post(path, body);
    if (answer.status() != 201 && answer.status() != 409) {
      throw new AssertionError("baseline organisation: " + path + " answered " + answer.text());
    }
  }
}
