package com.salesledger.events.credit;

/**
 * The event stream of a customer's credit is named {@code credit-account/<customerId>}: a '/' never
 * appears in a deal or invoice id, so the stream can never collide with theirs. (An interface of
 * static functions: the contract's packages hold only records, enums and interfaces.)
 */
public interface CreditAccountIds {

  String PREFIX = "credit-account/";

  static String of(String customerId) {
    return PREFIX + customerId;
  }

  /**
   * A limit request is named after the position of its event in the account's stream, so the id
   * follows from the command's answer (also when an Idempotency-Key replays it).
   */
  static String limitRequestId(long sequenceNumber) {
    return "LR-" + sequenceNumber;
  }
}
