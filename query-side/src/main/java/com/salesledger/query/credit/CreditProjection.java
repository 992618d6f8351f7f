package com.salesledger.query.credit;

import com.salesledger.events.credit.CreditAccountEvents;
import com.salesledger.events.credit.CreditAccountHeld;
import com.salesledger.events.credit.CreditAccountHeldAutomatically;
import com.salesledger.events.credit.CreditAccountOpened;
import com.salesledger.events.credit.CreditAccountReleased;
import com.salesledger.events.credit.CreditCheckFailed;
import com.salesledger.events.credit.CreditCheckPassed;
import com.salesledger.events.credit.CreditLimitChanged;
import com.salesledger.events.credit.CreditRatingChanged;
import com.salesledger.events.credit.CreditWarningCleared;
import com.salesledger.events.credit.CreditWarningRaised;
import com.salesledger.events.credit.CreditWarningReason;
import com.salesledger.events.credit.HeldDealReleased;
import com.salesledger.events.credit.PaymentTermsChanged;
import com.salesledger.events.credit.ReceivableRecorded;
import com.salesledger.events.credit.ReceivableSettled;
import com.salesledger.query.common.Positions;
import com.salesledger.query.common.projection.Batch;
import com.salesledger.query.common.projection.BatchScope;
import com.salesledger.query.common.projection.RebuildableProjection;
import com.salesledger.query.common.projection.Tables;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Credit accounts with their history, current warnings and held deals, from the credit account's
 * own stream. Every event appends the account's state after it, stamped with the instant the event
 * was recorded: the account "as of" an instant is then the last row at or before it. Exposure is
 * the figure the account aggregate itself recorded ({@code exposureAfter}), so the query answers
 * exactly what the credit check knew at that instant. A batch folds each account in memory (loading
 * its current row once) and writes history inserts, current upserts, warnings and held deals as
 * JDBC batches.
 */
@Component
@ProcessingGroup(CreditProjection.PROCESSOR)
class CreditProjection implements RebuildableProjection {

  static final String PROCESSOR = "credit";

  private static final String COLUMNS =
      "customer_id, position, valid_from, rating, credit_limit, currency, terms_days, on_hold,"
          + " hold_reason, held_since, exposure";
  private static final String VALUES = "?,?,?,?,?,?,?,?::boolean,?,?,?";

  private final JdbcTemplate jdbc;
  private final String selectCurrent;
  private final String insertHistory;
  private final String upsertCurrent;
  private final String upsertWarning;
  private final String deleteWarning;
  private final String insertHeldDeal;
  private final String deleteHeldDeal;

  @Autowired
  CreditProjection(JdbcTemplate jdbc) {
    this(jdbc, Tables.LIVE);
  }

  CreditProjection(JdbcTemplate jdbc, Tables tables) {
    this.jdbc = jdbc;
    String current = tables.of("credit_account_current");
    this.selectCurrent = "select " + COLUMNS + " from " + current + " where customer_id = ?";
    this.insertHistory =
        "insert into "
            + tables.of("credit_account_history")
            + " ("
            + COLUMNS
            + ") values ("
            + VALUES
            + ") on conflict (customer_id, position) do nothing";
    this.upsertCurrent =
        "insert into "
            + current
            + " ("
            + COLUMNS
            + ") values ("
            + VALUES
            + ") on conflict (customer_id) do update set position = excluded.position,"
            + " valid_from = excluded.valid_from, rating = excluded.rating,"
            + " credit_limit = excluded.credit_limit, currency = excluded.currency,"
            + " terms_days = excluded.terms_days, on_hold = excluded.on_hold,"
            + " hold_reason = excluded.hold_reason, held_since = excluded.held_since,"
            + " exposure = excluded.exposure where "
            + current
            + ".position < excluded.position";
    String warnings = tables.of("credit_warning");
    this.upsertWarning =
        "insert into "
            + warnings
            + " (customer_id, position, raised_at, evaluated_on, reasons, exposure, credit_limit,"
            + " oldest_invoice_id, oldest_days_overdue, past_hard_threshold)"
            + " values (?,?,?,?,?,?,?,?,?,?::boolean) on conflict (customer_id) do update set"
            + " position = excluded.position, raised_at = excluded.raised_at,"
            + " evaluated_on = excluded.evaluated_on, reasons = excluded.reasons,"
            + " exposure = excluded.exposure, credit_limit = excluded.credit_limit,"
            + " oldest_invoice_id = excluded.oldest_invoice_id,"
            + " oldest_days_overdue = excluded.oldest_days_overdue,"
            + " past_hard_threshold = excluded.past_hard_threshold";
    this.deleteWarning = "delete from " + warnings + " where customer_id = ? and position < ?";
    String held = tables.of("credit_held_deal");
    this.insertHeldDeal =
        "insert into "
            + held
            + " (deal_id, customer_id, position, held_at, amount, reasons) values (?,?,?,?,?,?)"
            + " on conflict (deal_id) do nothing";
    this.deleteHeldDeal = "delete from " + held + " where deal_id = ?";
  }

  @Override
  public String processor() {
    return PROCESSOR;
  }

  @Override
  public List<String> tables() {
    return List.of(
        "credit_account_history", "credit_account_current", "credit_warning", "credit_held_deal");
  }

  @Override
  public Object writingInto(Tables tables) {
    return new CreditProjection(jdbc, tables);
  }

  /** An account's state after one event. */
  private static final class State {
    String customerId;
    long position;
    Instant validFrom;
    String rating;
    BigDecimal limit;
    String currency;
    int termsDays;
    boolean onHold;
    String holdReason;
    Instant heldSince;
    BigDecimal exposure;

    State copy() {
      State s = new State();
      s.customerId = customerId;
      s.position = position;
      s.validFrom = validFrom;
      s.rating = rating;
      s.limit = limit;
      s.currency = currency;
      s.termsDays = termsDays;
      s.onHold = onHold;
      s.holdReason = holdReason;
      s.heldSince = heldSince;
      s.exposure = exposure;
      return s;
    }
  }

  private record Warning(
      String customerId, long position, Instant raisedAt, CreditWarningRaised event) {}

  private record HeldDeal(
      String dealId,
      String customerId,
      long position,
      Instant heldAt,
      BigDecimal amount,
      String reasons) {}

  /** Writes in event order within their kind; the order of kinds is safe (keys differ). */
  private static final class Pending {
    final Map<String, State> accounts = new LinkedHashMap<>();
    final List<State> history = new ArrayList<>();
    final Map<String, Warning> warnings = new LinkedHashMap<>();
    final Map<String, Long> clearedWarnings = new LinkedHashMap<>();
    final Map<String, HeldDeal> heldDeals = new LinkedHashMap<>();
    final List<String> releasedDeals = new ArrayList<>();
  }

  private Pending pending() {
    return BatchScope.current(this, Pending::new, this::write);
  }

  @EventHandler
  void on(
      CreditAccountOpened e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    State s = new State();
    s.customerId = e.customerId();
    s.rating = e.rating().name();
    s.limit = e.limit();
    s.currency = e.currency();
    s.termsDays = e.paymentTermsDays();
    s.exposure = e.exposure();
    record(s, token, at);
  }

  @EventHandler
  void on(
      CreditRatingChanged e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> s.rating = e.to().name());
  }

  @EventHandler
  void on(
      PaymentTermsChanged e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> s.termsDays = e.toDays());
  }

  @EventHandler
  void on(
      CreditLimitChanged e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> s.limit = e.newLimit());
  }

  @EventHandler
  void on(
      CreditAccountHeld e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> hold(s, e.reason(), at));
  }

  @EventHandler
  void on(
      CreditAccountHeldAutomatically e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> hold(s, "early warning: " + reasons(e.warning().reasons()), at));
  }

  @EventHandler
  void on(
      CreditAccountReleased e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(
        e,
        token,
        at,
        s -> {
          s.onHold = false;
          s.holdReason = null;
          s.heldSince = null;
        });
  }

  @EventHandler
  void on(
      CreditCheckPassed e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> s.exposure = e.exposureAfter());
  }

  @EventHandler
  void on(
      CreditCheckFailed e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    long position = Positions.of(token);
    pending()
        .heldDeals
        .put(
            e.dealId(),
            new HeldDeal(
                e.dealId(),
                e.customerId(),
                position,
                at,
                e.check().dealAmount(),
                e.check().failedRules().stream().map(Enum::name).collect(Collectors.joining(","))));
    pending().releasedDeals.remove(e.dealId());
    // A held deal adds nothing to exposure; the account's state is unchanged but for the stamp.
    change(e, token, at, s -> {});
  }

  @EventHandler
  void on(
      HeldDealReleased e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    Pending pending = pending();
    if (pending.heldDeals.remove(e.dealId()) == null) {
      pending.releasedDeals.add(e.dealId());
    }
    change(e, token, at, s -> s.exposure = e.exposureAfter());
  }

  @EventHandler
  void on(
      ReceivableRecorded e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> s.exposure = e.exposureAfter());
  }

  @EventHandler
  void on(
      ReceivableSettled e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    change(e, token, at, s -> s.exposure = e.exposureAfter());
  }

  @EventHandler
  void on(
      CreditWarningRaised e,
      TrackingToken token,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    Pending pending = pending();
    pending.clearedWarnings.remove(e.customerId());
    pending.warnings.put(e.customerId(), new Warning(e.customerId(), Positions.of(token), at, e));
  }

  @EventHandler
  void on(CreditWarningCleared e, TrackingToken token) {
    Pending pending = pending();
    pending.warnings.remove(e.customerId());
    pending.clearedWarnings.put(e.customerId(), Positions.of(token));
  }

  private static void hold(State s, String reason, Instant at) {
    if (!s.onHold) {
      s.heldSince = at;
    }
    s.onHold = true;
    s.holdReason = reason;
  }

  private static String reasons(List<CreditWarningReason> reasons) {
    return reasons.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  private void change(
      CreditAccountEvents e, TrackingToken token, Instant at, Consumer<State> change) {
    Pending pending = pending();
    State before = pending.accounts.get(e.customerId());
    if (before == null) {
      before = load(e.customerId()).orElse(null);
    }
    if (before == null) {
      // Not opened (yet): the command side refuses credit changes without an account, so there is
      // no state to change; exposure of such customers is asked from the account once opened.
      return;
    }
    State after = before.copy();
    change.accept(after);
    record(after, token, at);
  }

  private void record(State s, TrackingToken token, Instant at) {
    s.position = Positions.of(token);
    s.validFrom = at;
    Pending pending = pending();
    pending.accounts.put(s.customerId, s);
    pending.history.add(s);
  }

  private Optional<State> load(String customerId) {
    return jdbc
        .query(
            selectCurrent,
            (rs, i) -> {
              State s = new State();
              s.customerId = rs.getString("customer_id");
              s.position = rs.getLong("position");
              s.validFrom = rs.getTimestamp("valid_from").toInstant();
              s.rating = rs.getString("rating");
              s.limit = rs.getBigDecimal("credit_limit");
              s.currency = rs.getString("currency");
              s.termsDays = rs.getInt("terms_days");
              s.onHold = rs.getBoolean("on_hold");
              s.holdReason = rs.getString("hold_reason");
              Timestamp held = rs.getTimestamp("held_since");
              s.heldSince = held == null ? null : held.toInstant();
              s.exposure = rs.getBigDecimal("exposure");
              return s;
            },
            customerId)
        .stream()
        .findFirst();
  }

  private static void state(Batch.Params p, State s) throws java.sql.SQLException {
    p.text(s.customerId)
        .whole(s.position)
        .instant(s.validFrom)
        .text(s.rating)
        .number(s.limit)
        .text(s.currency)
        .whole(s.termsDays)
        .text(Boolean.toString(s.onHold))
        .text(s.holdReason)
        .instant(s.heldSince)
        .number(s.exposure);
  }

  private void write(Pending pending) {
    Batch.write(jdbc, insertHistory, pending.history, CreditProjection::state);
    Batch.write(jdbc, upsertCurrent, pending.accounts.values(), CreditProjection::state);
    Batch.write(
        jdbc,
        upsertWarning,
        pending.warnings.values(),
        (p, w) -> {
          var warning = w.event().warning();
          var oldest = warning.oldestOverdue();
          p.text(w.customerId())
              .whole(w.position())
              .instant(w.raisedAt())
              .date(warning.evaluatedOn())
              .text(reasons(warning.reasons()))
              .number(warning.exposure())
              .number(warning.limit())
              .text(oldest == null ? null : oldest.invoiceId());
          if (oldest == null) {
            p.number(null);
          } else {
            p.whole(oldest.daysOverdue());
          }
          p.text(Boolean.toString(warning.pastHardThreshold()));
        });
    Batch.write(
        jdbc,
        deleteWarning,
        pending.clearedWarnings.entrySet(),
        (p, c) -> p.text(c.getKey()).whole(c.getValue()));
    Batch.write(jdbc, deleteHeldDeal, pending.releasedDeals, (p, d) -> p.text(d));
    Batch.write(
        jdbc,
        insertHeldDeal,
        pending.heldDeals.values(),
        (p, d) ->
            p.text(d.dealId())
                .text(d.customerId())
                .whole(d.position())
                .instant(d.heldAt())
                .number(d.amount())
                .text(d.reasons()));
  }
}
