package dev.wechatapi.gateway.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The bean exists when the gateway keeps its shared state in its own memory ({@code wechat.gateway.store=memory}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = StoreKind.PROPERTY, havingValue = "memory")
public @interface MemoryStore {}
