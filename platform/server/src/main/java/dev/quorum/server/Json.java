package dev.quorum.server;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** The JSON the server writes: Jackson, with engine times as ISO-8601 text ({@code 2018-04-05T12:00:00Z}) and days as {@code 2018-04-05}. */
final class Json {

    private Json() {
    }

    /** @return a mapper for the API's responses and events */
    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new SimpleModule("quorum-times")
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addSerializer(LocalDate.class, ToStringSerializer.instance));
    }
}
