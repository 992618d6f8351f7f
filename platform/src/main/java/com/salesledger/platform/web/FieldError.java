package com.salesledger.platform.web;

/** One entry of a problem's {@code errors}: which field broke which rule. */
public record FieldError(String field, String message) {}
