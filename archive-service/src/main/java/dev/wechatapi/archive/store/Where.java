package dev.wechatapi.archive.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built from filters, with named parameters. Column names come from code, values only through
 * parameters.
 *
 * <pre>{@code
 * Where where = Where.appId(appId).equal("kind", "FRIEND");
 * db.sql("SELECT COUNT(*) FROM contacts" + where.sql()).bindValues(where.parameters())
 * }</pre>
 */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Where() {}

    /** Every query of the archive starts scoped to one app. */
    public static Where appId(String appId) {
        return new Where().compare("app_id", "=", appId);
    }

    public Where equal(String column, Object value) {
        return compare(column, "=", value);
    }

    /** {@code column <operator> value} for one of =, <, <=, >, >=. */
    public Where compare(String column, String operator, Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        clauses.add(column + " " + operator + " :" + name);
        return this;
    }

    /** Case-insensitive "contains", with LIKE's wildcards in the needle taken literally. */
    public Where contains(String column, String needle) {
        String escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String name = "p" + parameters.size();
        parameters.put(name, "%" + escaped + "%");
        clauses.add("LOWER(" + column + ") LIKE LOWER(:" + name + ")");
        return this;
    }

    /** A FULLTEXT match in BOOLEAN MODE, e.g. {@code +word1 +word2}, over a column with a FULLTEXT index. */
    public Where matches(String column, String booleanQuery) {
        String name = "p" + parameters.size();
        parameters.put(name, booleanQuery);
        clauses.add("MATCH(" + column + ") AGAINST(:" + name + " IN BOOLEAN MODE)");
        return this;
    }

    public String sql() {
        return " WHERE " + String.join(" AND ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
