package dev.wechatapi.archive.web;

/**
 * Which page of a list the client asked for: {@code page} (1-based) and {@code page_size} (default 10 as in the
 * original, at most 500).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 500;

    public static PageRequest from(QueryParams params) {
        int page = params.integer("page", 1, Integer.MAX_VALUE).orElse(1);
        int size = params.integer("page_size", 1, MAX_SIZE).orElse(DEFAULT_SIZE);
        return new PageRequest(page, size);
    }

    /** Rows to skip before this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** Whether this page exists in a list of {@code count} rows; page 1 always does, even when empty. */
    public boolean existsIn(long count) {
        return page == 1 || offset() < count;
    }
}
