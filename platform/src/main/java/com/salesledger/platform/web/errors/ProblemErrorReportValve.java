package com.salesledger.platform.web.errors;

import com.salesledger.platform.web.ProblemJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (a malformed URL or header, refused before any application code runs)
 * as problem+json instead of Tomcat's HTML page. Never shows a stack trace or the server's version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String detail = ProblemJson.defaultDetail(status);
    // An unknown protocol version or method (e.g. CONNECT) is the client's mistake; Tomcat says
    // 505 or 501, the ledger never answers 5xx to a malformed request.
    if (status == 505) {
      status = 400;
      response.setStatus(status);
      detail = "The HTTP version is not supported; use HTTP/1.1 or HTTP/2.";
    } else if (status == 501) {
      status = 405;
      response.setStatus(status);
      detail = "This method is not supported.";
    }
    try {
      response.setContentType(ProblemJson.CONTENT_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(ProblemJson.of(status, detail));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the answer already started; nothing more can be said.
    }
  }
}
