package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.MediaUrls;
import dev.wechatapi.archive.web.Ordering;
import dev.wechatapi.archive.web.Page;
import dev.wechatapi.archive.web.PageRequest;
import dev.wechatapi.archive.web.Pagination;
import dev.wechatapi.archive.web.QueryParams;
import dev.wechatapi.archive.web.Tenant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /friends}: the calling app's friends, filtered, ordered by puid unless asked otherwise, paged. */
@RestController
final class FriendsEndpoint {

    private static final Ordering ORDERING = Ordering.of(
            Map.of("puid", "puid", "name", "name", "nick_name", "nick_name", "user_name", "user_name",
                    "remark_name", "remark_name", "signature", "signature", "sex", "sex", "province", "province",
                    "city", "city"),
            "puid",
            "puid");

    private final ContactStore contacts;
    private final MediaUrls media;

    FriendsEndpoint(ContactStore contacts, MediaUrls media) {
        this.contacts = contacts;
        this.media = media;
    }

    @GetMapping("/friends")
    Mono<Page<FriendView>> friends(ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            QueryParams params = QueryParams.of(request);
            Where where = ContactFilter.friends(appId, params);
            String orderBy = ORDERING.orderBy(params);
            PageRequest page = PageRequest.from(params);
            UnaryOperator<@Nullable String> avatars = media.urls(request);
            return contacts.version(appId).flatMap(version -> Pagination.paginate(request, page,
                    contacts.count(version, where),
                    p -> contacts.friends(version, where, orderBy, p)
                            .map(row -> row.view(avatars.apply(row.avatarMediaId())))));
        });
    }
}
