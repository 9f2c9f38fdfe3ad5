package dev.wechatapi.session.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Resolves {@link AppId} handler parameters from the gateway's header; without it the answer is 401. */
@Configuration(proxyBeanMethods = false)
class AppIdResolver implements HandlerMethodArgumentResolver, WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AppId.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        String value = AppId.headerValue(exchange.getRequest().getHeaders());
        if (value == null) {
            return Mono.error(new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "无效的身份信息!"));
        }
        return Mono.just(new AppId(value));
    }
}
