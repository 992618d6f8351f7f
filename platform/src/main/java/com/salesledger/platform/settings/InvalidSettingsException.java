package com.salesledger.platform.settings;

import java.util.List;
import java.util.Locale;

/** Settings that break their rules; the ledger does not start with them. */
public class InvalidSettingsException extends IllegalStateException {

  private final List<String> broken;

  InvalidSettingsException(List<String> broken) {
    super("Invalid settings: " + String.join("; ", broken));
    this.broken = List.copyOf(broken);
  }

  /** One setting, read where it is used, that breaks its rule. */
  public static InvalidSettingsException of(String property, String value, String must) {
    return new InvalidSettingsException(List.of(sentence(property, value, must)));
  }

  /** One sentence per broken setting, naming its environment variable, value and rule. */
  public List<String> broken() {
    return broken;
  }

  static String sentence(String property, String value, String must) {
    // the environment variable a user sets for it, by Spring's relaxed binding
    String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return variable + " (" + property + ") is '" + value + "': it must " + must;
  }
}
