package com.salesledger.command;

import com.salesledger.command.common.Rejected;
import com.salesledger.events.common.Rejection;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by its kind and, for bad input, the field it names. */
public final class RejectionMatchers {

  private RejectionMatchers() {}

  public static Matcher<Rejected> rejected(Rejection.Kind kind) {
    return rejected(kind, null);
  }

  public static Matcher<Rejected> rejected(Rejection.Kind kind, String field) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(Rejected rejected) {
        return rejected.rejection().kind() == kind
            && (field == null || Objects.equals(rejected.rejection().field(), field));
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a " + kind + " rejection" + (field == null ? "" : " of " + field));
      }
    };
  }
}
