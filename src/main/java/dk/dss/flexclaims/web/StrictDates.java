package dk.dss.flexclaims.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Dates of the API are ISO texts only: Jackson would take {@code "startDate": 123} as day 123 after
 * 1970 and {@code [2026, 3, 1]} as a date, so any other kind of JSON value is refused (400 {@code
 * invalid-value} naming the field). Spring Boot registers this module with its ObjectMapper; the
 * engine's REST API has its own and is not touched.
 */
@Component
class StrictDates extends SimpleModule {

  StrictDates() {
    super("flex-strict-dates");
    addDeserializer(
        LocalDate.class, new TextOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
    addDeserializer(
        OffsetDateTime.class,
        new TextOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
  }

  /** Passes text on to Jackson's own deserializer; refuses numbers, arrays, objects, booleans. */
  static final class TextOnly<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final JsonDeserializer<T> delegate;

    TextOnly(Class<T> type, JsonDeserializer<T> delegate) {
      this.type = type;
      this.delegate = delegate;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (T) ctxt.handleUnexpectedToken(type, p);
      }
      return delegate.deserialize(p, ctxt);
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }
}
