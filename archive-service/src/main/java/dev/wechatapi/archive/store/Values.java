package dev.wechatapi.archive.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.Parameter;

/**
 * Named values of an INSERT, nulls included: R2DBC needs the type of a null, which {@link Parameter} carries.
 *
 * <pre>{@code
 * db.sql(INSERT).bindValues(new Values().put("text", content.text(), String.class).asMap())
 * }</pre>
 */
public final class Values {

    private final Map<String, Parameter> values = new LinkedHashMap<>();

    public <T> Values put(String name, @Nullable T value, Class<T> type) {
        values.put(name, Parameter.fromOrEmpty(value, type));
        return this;
    }

    public Map<String, Parameter> asMap() {
        return values;
    }

    /** The names, in the order they were put. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The type of each value, in the order they were put. */
    public List<Class<?>> types() {
        return values.values().stream().<Class<?>>map(Parameter::getType).toList();
    }

    /** The values themselves, nulls included, in the order they were put (a row of a {@link MultiRowInsert}). */
    public @Nullable Object[] row() {
        return values.values().stream().map(Parameter::getValue).toArray();
    }
}
