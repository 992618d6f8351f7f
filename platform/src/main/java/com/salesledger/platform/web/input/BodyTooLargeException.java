package com.salesledger.platform.web.input;

import java.io.IOException;

/** A request body that grew past the limit while it was read (e.g. chunked, no length given). */
public class BodyTooLargeException extends IOException {

  public BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes.");
  }
}
