package dev.wechatapi.gateway.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The bean exists when the gateway keeps its shared state in Redis (the default). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = StoreKind.PROPERTY, havingValue = "redis", matchIfMissing = true)
public @interface RedisStore {}
