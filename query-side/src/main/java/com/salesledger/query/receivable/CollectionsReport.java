package com.salesledger.query.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Per group for the days {@code from}–{@code to}: collections (payments received), credit sales
 * (invoices issued), write-offs, open receivables at the period's end, DSO = open at end ÷ credit
 * sales × days in the period and bad-debt rate = write-offs ÷ credit sales (both absent when there
 * were no credit sales).
 */
public record CollectionsReport(
    LocalDate from,
    LocalDate to,
    long days,
    String groupBy,
    String scope,
    List<Row> groups,
    Row total) {

  public record Row(
      String key,
      BigDecimal collections,
      BigDecimal creditSales,
      BigDecimal writeOffs,
      BigDecimal openAtEnd,
      BigDecimal dso,
      BigDecimal badDebtRate) {}
}
