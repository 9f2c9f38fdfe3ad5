package dev.wechatapi.archive.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ordering} parameter of a list ({@code ordering=nick_name}, {@code ordering=-create_time,id}) turned
 * into an ORDER BY clause. Tie-breaker columns are always appended, so the order is total and pages never overlap.
 *
 * <pre>{@code
 * Ordering.of(Map.of("puid", "puid"), "puid", "puid").orderBy(params) // "puid ASC"
 * }</pre>
 */
public final class Ordering {

    private final Map<String, String> columns;
    private final String defaultOrdering;
    private final List<String> tieBreakers;

    private Ordering(Map<String, String> columns, String defaultOrdering, List<String> tieBreakers) {
        this.columns = Map.copyOf(columns);
        this.defaultOrdering = defaultOrdering;
        this.tieBreakers = List.copyOf(tieBreakers);
    }

    /**
     * @param columns API field name to SQL column, for every field a client may order by
     * @param defaultOrdering the ordering without a parameter, in the parameter's syntax
     * @param tieBreakers columns appended in the direction of the last key, together unique per app
     */
    public static Ordering of(Map<String, String> columns, String defaultOrdering, String... tieBreakers) {
        return new Ordering(columns, defaultOrdering, List.of(tieBreakers));
    }

    public String orderBy(QueryParams params) {
        String ordering = params.text("ordering").orElse(defaultOrdering);
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (String field : ordering.split(",")) {
            String name = field.trim();
            boolean descending = name.startsWith("-");
            String column = columns.get(descending ? name.substring(1) : name);
            if (column == null) {
                throw ApiException.invalidParameter(
                        "ordering", "unknown field '" + name + "', allowed: " + columns.keySet().stream().sorted().toList());
            }
            keys.putIfAbsent(column, descending);
        }
        boolean lastDescending = keys.values().stream().reduce((first, second) -> second).orElse(false);
        tieBreakers.forEach(column -> keys.putIfAbsent(column, lastDescending));
        List<String> clauses = new ArrayList<>();
        keys.forEach((column, descending) -> clauses.add(column + (descending ? " DESC" : " ASC")));
        return String.join(", ", clauses);
    }
}
