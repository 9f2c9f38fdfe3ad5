package dev.wechatapi.archive.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;

/**
 * Typed access to a request's query parameters, django-filter style: an absent or empty parameter is no filter,
 * unknown parameters are ignored, and a malformed value is a 400 naming the parameter.
 */
public final class QueryParams {

    private static final Set<String> TRUE = Set.of("true", "1");
    private static final Set<String> FALSE = Set.of("false", "0");

    private final MultiValueMap<String, String> values;

    private QueryParams(MultiValueMap<String, String> values) {
        this.values = values;
    }

    public static QueryParams of(ServerHttpRequest request) {
        return new QueryParams(request.getQueryParams());
    }

    /** The parameter's value, if present and not empty. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(values.getFirst(name)).filter(value -> !value.isEmpty());
    }

    /** An integer in {@code [min, max]}. */
    public Optional<Integer> integer(String name, int min, int max) {
        return text(name).map(value -> {
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Answered below like any other out-of-range value.
            }
            throw ApiException.invalidParameter(name, "must be an integer from " + min + " to " + max);
        });
    }

    /** A boolean as Django accepts it: true/false or 1/0, in any case. */
    public Optional<Boolean> bool(String name) {
        return text(name).map(value -> {
            String normalized = value.trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(normalized)) {
                return true;
            }
            if (FALSE.contains(normalized)) {
                return false;
            }
            throw ApiException.invalidParameter(name, "must be true, false, 1 or 0");
        });
    }

    /** An ISO local date-time such as {@code 2020-02-12T10:01:24}; a space instead of the T is accepted too. */
    public Optional<LocalDateTime> dateTime(String name) {
        return text(name).map(value -> {
            try {
                return LocalDateTime.parse(value.trim().replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                throw ApiException.invalidParameter(name, "must be a date-time like 2020-02-12T10:01:24");
            }
        });
    }

    /** One of an enum's constants, by its exact name. */
    public <E extends Enum<E>> Optional<E> oneOf(String name, Class<E> type) {
        return text(name).map(value -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidParameter(
                        name, "must be one of " + Arrays.toString(type.getEnumConstants()))));
    }
}
