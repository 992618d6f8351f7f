package com.salesledger.query.credit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which part of finance's inbox is asked: optionally one kind and one customer, and a page of at
 * most {@code limit} items after {@code after} (the last item of the page before). The inbox is in
 * one total order: when it began, the event's position and the kind; a page goes on from where the
 * last one ended, whatever was added or settled in between.
 */
public record InboxQuery(String kind, String customerId, After after, int limit) {

  /** The kinds of item, as the inbox names them. */
  public static final Set<String> KINDS = Set.of("ACCOUNT_HOLD", "DEAL_HOLD", "WARNING");

  /** Items on one page at most. */
  public static final int MAX_LIMIT = 1000;

  /** Every item, as the inbox answered before it had pages. */
  public static final InboxQuery EVERYTHING = new InboxQuery(null, null, null, Integer.MAX_VALUE);

  public InboxQuery {
    if (kind != null && !KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown kind " + kind);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit below 1");
    }
  }

  /**
   * The place of an item in the inbox's order: a page starts after it. When it began, the position
   * of the event that put it there, and its kind tell items apart: an event is about one customer's
   * account and puts at most one item of each kind in the inbox. So the cursor stays short whatever
   * the ids (a query parameter is at most 200 characters).
   */
  public record After(Instant since, long position, String kind) {

    static After of(InboxItem item) {
      return new After(item.since(), item.position(), item.kind());
    }

    /** An opaque cursor for a URL: the three, joined, in base64url. */
    public String encode() {
      String text =
          String.join("|", since == null ? "" : since.toString(), Long.toString(position), kind);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@link #encode()} wrote; empty for anything else. */
    public static Optional<After> decode(String cursor) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        List<String> parts = List.of(text.split("\\|", -1));
        if (parts.size() != 3 || !KINDS.contains(parts.get(2))) {
          return Optional.empty();
        }
        return Optional.of(
            new After(
                parts.get(0).isEmpty() ? null : Instant.parse(parts.get(0)),
                Long.parseLong(parts.get(1)),
                parts.get(2)));
      } catch (RuntimeException notOurs) {
        return Optional.empty();
      }
    }
  }
}
