package com.salesledger.query.receivable;

import com.salesledger.events.receivable.CreditNoteIssued;
import com.salesledger.events.receivable.InvoiceIssued;
import com.salesledger.events.receivable.InvoiceWrittenOff;
import com.salesledger.events.receivable.PaymentReceived;
import com.salesledger.query.common.Projector;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Three customers' invoices over several months, fed to the invoice projection: partial payments, a
 * credit note and a write-off (README "Receivables ageing" works the figures out by hand).
 */
final class WorkedExample {

  private final Projector projector;
  private final Map<String, BigDecimal> open = new HashMap<>();

  WorkedExample(Projector projector) {
    this.projector = projector;
  }

  static void feed(Projector projector) {
    WorkedExample x = new WorkedExample(projector);
    x.invoice("I1", "C1", "rep1", "north-1", "north", "1000.00", "2026-01-10", "2026-02-09");
    x.invoice("I4", "C3", "rep3", "south-1", "south", "1200.00", "2026-01-05", "2026-02-04");
    x.invoice("I3", "C2", "rep2", "north-1", "north", "1800.00", "2026-02-01", "2026-03-03");
    x.pay("I1", "P1", "400.00", "2026-02-20");
    x.pay("I4", "P2", "200.00", "2026-03-01");
    x.invoice("I2", "C1", "rep1", "north-1", "north", "2500.00", "2026-03-01", "2026-03-31");
    x.creditNote("I2", "CN1", "300.00", "2026-03-15");
    x.pay("I3", "P3", "800.00", "2026-04-10");
    x.invoice("I5", "C3", "rep3", "south-1", "south", "700.00", "2026-04-15", "2026-05-15");
    x.pay("I1", "P4", "600.00", "2026-05-05");
    x.writeOff("I4", "1000.00", "2026-05-20");
  }

  void invoice(
      String id,
      String customer,
      String rep,
      String team,
      String region,
      String amount,
      String issued,
      String due) {
    open.put(id, new BigDecimal(amount));
    projector.handle(
        id,
        new InvoiceIssued(
            id,
            "D-" + id,
            customer,
            rep,
            team,
            region,
            new BigDecimal(amount),
            "EUR",
            LocalDate.parse(issued),
            LocalDate.parse(due)));
  }

  void pay(String id, String paymentId, String amount, String on) {
    projector.handle(
        id,
        new PaymentReceived(
            id, paymentId, new BigDecimal(amount), LocalDate.parse(on), less(id, amount)));
  }

  void creditNote(String id, String noteId, String amount, String on) {
    projector.handle(
        id,
        new CreditNoteIssued(
            id,
            noteId,
            new BigDecimal(amount),
            LocalDate.parse(on),
            "price error",
            less(id, amount)));
  }

  void writeOff(String id, String amount, String on) {
    projector.handle(
        id,
        new InvoiceWrittenOff(
            id, new BigDecimal(amount), LocalDate.parse(on), "insolvent", less(id, amount)));
  }

  private BigDecimal less(String id, String amount) {
    return open.merge(id, new BigDecimal(amount), BigDecimal::subtract);
  }
}
