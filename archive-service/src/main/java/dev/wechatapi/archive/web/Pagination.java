package dev.wechatapi.archive.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pages a list the way Django REST framework's PageNumberPagination does: count first, refuse a page past the
 * end with 404, and link the neighbours with the request's own URL so every query parameter survives.
 */
public final class Pagination {

    private Pagination() {}

    public static <T> Mono<Page<T>> paginate(
            ServerHttpRequest request, PageRequest page, Mono<Long> count, Function<PageRequest, Flux<T>> fetch) {
        return count.flatMap(total -> {
            if (!page.existsIn(total)) {
                return Mono.error(ApiException.invalidPage());
            }
            return fetch.apply(page)
                    .collectList()
                    .map(results -> page(request.getURI(), page, total, results));
        });
    }

    private static <T> Page<T> page(URI uri, PageRequest page, long total, List<T> results) {
        String next = page.offset() + page.size() < total ? link(uri, page.page() + 1) : null;
        String previous = page.page() > 1 ? link(uri, page.page() - 1) : null;
        return new Page<>(total, next, previous, results);
    }

    // Works on the raw (still encoded) query, so every other parameter stays exactly as the client sent it, in
    // its place; page 1 is linked without a page parameter, as Django REST framework does.
    private static String link(URI uri, int page) {
        List<String> parameters = new ArrayList<>();
        boolean replaced = false;
        String query = uri.getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!name.equals("page")) {
                parameters.add(parameter);
            } else if (!replaced) {
                replaced = true;
                if (page > 1) {
                    parameters.add("page=" + page);
                }
            }
        }
        if (!replaced && page > 1) {
            parameters.add("page=" + page);
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        return parameters.isEmpty() ? base : base + "?" + String.join("&", parameters);
    }
}
