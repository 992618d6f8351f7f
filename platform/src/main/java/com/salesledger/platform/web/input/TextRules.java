package com.salesledger.platform.web.input;

import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;

/**
 * What a text value from a client may hold. Names, ids and codes are single-line printable text;
 * free text (a {@code reason} or {@code comment}) may also hold line breaks, tabs and the direction
 * marks that right-to-left languages need. Neither may hold NUL or other control characters,
 * unpaired surrogates, non-characters or bidirectional override and isolate controls, because such
 * values cannot be stored (PostgreSQL refuses NUL) or make an audit trail read differently from
 * what it records. Accepted text is normalised to NFC so that equal-looking names are equal.
 */
public final class TextRules {

  /** Property names whose values are free text rather than names or ids. */
  public static final Set<String> FREE_TEXT_FIELDS = Set.of("reason", "comment");

  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_FREE_TEXT_LENGTH = 4000;

  private TextRules() {}

  /** The kind of a text value, by the name of the field that carries it. */
  public static boolean isFreeText(String fieldName) {
    return fieldName != null && FREE_TEXT_FIELDS.contains(fieldName);
  }

  /** The value normalised to NFC, or the rule it breaks. */
  public static Result check(String value, boolean freeText) {
    Optional<String> broken = brokenRule(value, freeText);
    if (broken.isPresent()) {
      return new Result(null, broken.get());
    }
    String normalised = Normalizer.normalize(value, Normalizer.Form.NFC);
    int max = freeText ? MAX_FREE_TEXT_LENGTH : MAX_NAME_LENGTH;
    if (normalised.codePointCount(0, normalised.length()) > max) {
      return new Result(null, "must be at most " + max + " characters");
    }
    return new Result(normalised, null);
  }

  /** A checked value: either {@code value} or the {@code rule} it broke. */
  public record Result(String value, String rule) {
    public boolean ok() {
      return rule == null;
    }
  }

  private static Optional<String> brokenRule(String value, boolean freeText) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          int codePoint = Character.toCodePoint(c, value.charAt(++i));
          if (isNonCharacter(codePoint) || (!freeText && isFormat(codePoint))) {
            return Optional.of(forbidden(codePoint));
          }
          continue;
        }
        return Optional.of("must not contain an unpaired surrogate (invalid Unicode)");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("must not contain an unpaired surrogate (invalid Unicode)");
      }
      if (freeText && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      if (Character.getType(c) == Character.CONTROL) {
        return Optional.of("must not contain control characters (found " + hex(c) + ")");
      }
      if (isBidiControl(c) || isNonCharacter(c) || c == '\u2028' || c == '\u2029') {
        return Optional.of(forbidden(c));
      }
      if (!freeText && isFormat(c)) {
        return Optional.of(forbidden(c));
      }
    }
    return Optional.empty();
  }

  private static String forbidden(int codePoint) {
    return "must not contain invisible, bidirectional or non-characters (found "
        + hex(codePoint)
        + ")";
  }

  /** Embedding, override and isolate controls: they reorder how the rest of the text reads. */
  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /** Zero-width and other format characters (Cf): invisible, so two ids could look the same. */
  private static boolean isFormat(int codePoint) {
    return Character.getType(codePoint) == Character.FORMAT;
  }

  private static boolean isNonCharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }

  private static String hex(int codePoint) {
    return String.format("U+%04X", codePoint);
  }
}
