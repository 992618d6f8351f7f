package com.salesledger.platform.web.input;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The ledger's input rules, once for every endpoint of both apps: request bodies are read strictly
 * (unknown properties, duplicated keys, trailing content and nulls for numbers are refused; every
 * string passes {@link TextRules}; every date lies in the {@link DateRange}), dates in query
 * parameters lie in the same range, and a request whose {@code Accept} cannot be served is refused
 * before its handler runs.
 *
 * <p>Only the HTTP reader is strict: the application's own {@link ObjectMapper} also serialises
 * events (Axon uses it), and stored events must stay readable whatever this layer refuses.
 */
@Configuration(proxyBeanMethods = false)
public class StrictInputConfiguration implements WebMvcConfigurer {

  private final DateRange dates;

  public StrictInputConfiguration(DateRange dates) {
    this.dates = dates;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter json) {
        json.setObjectMapper(strict(json.getObjectMapper()));
      }
    }
  }

  ObjectMapper strict(ObjectMapper base) {
    ObjectMapper strict = base.copy();
    SimpleModule rules = new SimpleModule("ledger-input-rules");
    rules.addDeserializer(String.class, new CheckedStringDeserializer());
    rules.addDeserializer(LocalDate.class, new BoundedDateDeserializer(dates));
    strict.registerModule(rules);
    strict.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    return strict;
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, LocalDate.class, this::parseDate);
  }

  private LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new DateOutOfRangeException("must be a date as YYYY-MM-DD");
    }
    if (!dates.contains(date)) {
      throw new DateOutOfRangeException(dates.rule());
    }
    return date;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AcceptableAnswerInterceptor());
  }
}
