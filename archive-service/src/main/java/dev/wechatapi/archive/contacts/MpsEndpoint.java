package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.Ordering;
import dev.wechatapi.archive.web.Page;
import dev.wechatapi.archive.web.PageRequest;
import dev.wechatapi.archive.web.Pagination;
import dev.wechatapi.archive.web.QueryParams;
import dev.wechatapi.archive.web.Tenant;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /mps}: the official accounts of the calling app, filtered, ordered by puid unless asked otherwise. */
@RestController
final class MpsEndpoint {

    private static final Ordering ORDERING = Ordering.of(
            Map.of("puid", "puid", "name", "name", "nick_name", "nick_name", "province", "province", "city", "city",
                    "signature", "signature"),
            "puid",
            "puid");

    private final ContactStore contacts;

    MpsEndpoint(ContactStore contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/mps")
    Mono<Page<MpView>> mps(ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            QueryParams params = QueryParams.of(request);
            Where where = ContactFilter.mps(appId, params);
            String orderBy = ORDERING.orderBy(params);
            PageRequest page = PageRequest.from(params);
            return contacts.version(appId).flatMap(version -> Pagination.paginate(request, page,
                    contacts.count(version, where), p -> contacts.mps(version, where, orderBy, p)));
        });
    }
}
