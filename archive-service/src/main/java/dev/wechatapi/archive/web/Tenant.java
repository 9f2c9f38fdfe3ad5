package dev.wechatapi.archive.web;

import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The app a request is scoped to, as the gateway forwards it (see docs/internal-contract.md). */
public final class Tenant {

    public static final String APP_ID_HEADER = "X-Wechat-App-Id";

    private static final Pattern APP_ID = Pattern.compile("[0-9a-f]{32}");

    private Tenant() {}

    /** The caller's app id; a request that did not come through the gateway is refused with 401. */
    public static String appId(ServerHttpRequest request) {
        String appId = request.getHeaders().getFirst(APP_ID_HEADER);
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw ApiException.unauthenticated();
        }
        return appId;
    }
}
