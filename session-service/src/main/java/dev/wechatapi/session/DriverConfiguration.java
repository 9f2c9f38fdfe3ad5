package dev.wechatapi.session;

import dev.wechatapi.wechat.WeChatDriver;
import dev.wechatapi.wechat.WebWeChatConfig;
import dev.wechatapi.wechat.WebWeChatDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that knows which driver implementation runs; everything else sees {@link WeChatDriver}. */
@Configuration(proxyBeanMethods = false)
class DriverConfiguration {

    @Bean
    WeChatDriver weChatDriver(SessionProperties properties) {
        WebWeChatConfig config = properties.wechatBaseUrl() == null
                ? WebWeChatConfig.defaults()
                : WebWeChatConfig.forBaseUrl(properties.wechatBaseUrl());
        return new WebWeChatDriver(config);
    }
}
