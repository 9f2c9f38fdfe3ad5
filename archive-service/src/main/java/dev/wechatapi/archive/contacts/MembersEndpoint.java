package dev.wechatapi.archive.contacts;

import dev.wechatapi.archive.store.Where;
import dev.wechatapi.archive.web.ApiException;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /members/{group_puid}}: the members of one of the calling app's groups, in the friends' shape, with
 * the friends' filters and ordering. An unknown group, or another app's, is 404.
 */
@RestController
final class MembersEndpoint {

    private static final Ordering ORDERING = Ordering.of(
            Map.of("puid", "member_puid", "name", "name", "nick_name", "nick_name", "user_name", "user_name",
                    "remark_name", "remark_name", "signature", "signature", "sex", "sex", "province", "province",
                    "city", "city"),
            "puid",
            "member_puid");

    private final ContactStore contacts;
    private final MediaUrls media;

    MembersEndpoint(ContactStore contacts, MediaUrls media) {
        this.contacts = contacts;
        this.media = media;
    }

    @GetMapping("/members/{groupPuid}")
    Mono<Page<FriendView>> members(@PathVariable String groupPuid, ServerHttpRequest request) {
        return Mono.defer(() -> {
            String appId = Tenant.appId(request);
            QueryParams params = QueryParams.of(request);
            Where where = ContactFilter.members(appId, groupPuid, params);
            String orderBy = ORDERING.orderBy(params);
            PageRequest page = PageRequest.from(params);
            UnaryOperator<@Nullable String> avatars = media.urls(request);
            return contacts.version(appId).flatMap(version -> contacts.groupExists(version, groupPuid)
                    .flatMap(exists -> exists
                            ? Pagination.paginate(request, page, contacts.countMembers(version, where),
                                    p -> contacts.members(version, where, orderBy, p)
                                            .map(row -> row.view(avatars.apply(row.avatarMediaId()))))
                            : Mono.error(ApiException.notFound())));
        });
    }
}
