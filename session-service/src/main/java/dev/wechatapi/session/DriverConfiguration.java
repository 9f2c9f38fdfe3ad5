package dev.wechatapi.session;

import dev.wechatapi.session.media.DownloadSizeLimit;
import dev.wechatapi.wechat.WeChatDriver;
import dev.wechatapi.wechat.WebWeChatConfig;
import dev.wechatapi.wechat.WebWeChatDriver;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that knows which driver implementation runs; everything else sees {@link WeChatDriver}.
 *
 * <p>Every session's calls are synchronous OkHttp calls on virtual threads, so OkHttp's {@code Dispatcher} limits
 * (which only govern asynchronous calls) do not cap them; the connection pool does matter: its default keeps 5 idle
 * connections, so with thousands of sessions each finished long poll would close its connection and the next one
 * would open a new one. The pool here keeps about one per session. Media downloads are cut off at
 * {@code wechat.session.media.max-size} on the wire ({@link DownloadSizeLimit}).
 */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

    @Bean
    WeChatDriver weChatDriver(SessionProperties properties) {
        WebWeChatConfig config = properties.wechatBaseUrl() == null
                ? WebWeChatConfig.defaults()
                : WebWeChatConfig.forBaseUrl(properties.wechatBaseUrl());
        SessionProperties.Http http = properties.http();
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(http.maxIdleConnections(), http.keepAlive().toMillis(),
                        TimeUnit.MILLISECONDS))
                .addInterceptor(new DownloadSizeLimit(properties.media().maxSize().toBytes()))
                .build();
        return new WebWeChatDriver(config, client);
    }
}
