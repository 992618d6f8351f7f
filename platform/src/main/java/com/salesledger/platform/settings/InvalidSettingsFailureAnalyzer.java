package com.salesledger.platform.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports broken settings as Spring Boot's short "APPLICATION FAILED TO START" text. */
public class InvalidSettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
    return new FailureAnalysis(
        "The ledger's settings break their rules:\n  " + String.join("\n  ", cause.broken()),
        "Correct or unset these settings (README.md, \"Settings\") and start the ledger again.",
        cause);
  }
}
