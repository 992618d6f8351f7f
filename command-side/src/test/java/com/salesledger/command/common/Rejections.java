package com.salesledger.command.common;

import com.salesledger.events.common.Rejection;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matchers for {@code expectException(...)} in aggregate fixtures: a refusal is right only when it
 * is a {@link Rejected} of the expected kind, about the expected field (null: about no single
 * field), with a message that says the expected thing.
 */
public final class Rejections {

  private Rejections() {}

  /** A {@link Rejected} of this kind about this field (null: about no single field). */
  public static Matcher<Throwable> rejected(Rejection.Kind kind, String field) {
    return rejected(kind, field, "");
  }

  /** Exactly the refusal an unknown id gets (a record outside one's scope must get the same). */
  public static Matcher<Throwable> unknown(String id) {
    return rejected(Rejection.Kind.NOT_FOUND, null, Rejected.unknownMessage(id));
  }

  /** As {@link #rejected(Rejection.Kind, String)}, and the message contains {@code messagePart}. */
  public static Matcher<Throwable> rejected(Rejection.Kind kind, String field, String messagePart) {
    return new TypeSafeDiagnosingMatcher<>(Throwable.class) {
      @Override
      protected boolean matchesSafely(Throwable actual, Description mismatch) {
        if (!(actual instanceof Rejected rejected)) {
          mismatch.appendText("was ").appendValue(actual);
          return false;
        }
        Rejection rejection = rejected.rejection();
        if (rejection.kind() != kind
            || !Objects.equals(rejection.field(), field)
            || !rejection.message().contains(messagePart)) {
          mismatch.appendText("was ").appendValue(rejection);
          return false;
        }
        return true;
      }

      @Override
      public void describeTo(Description description) {
        description
            .appendText("Rejected(kind=")
            .appendValue(kind)
            .appendText(", field=")
            .appendValue(field)
            .appendText(", message containing ")
            .appendValue(messagePart)
            .appendText(")");
      }
    };
  }
}
