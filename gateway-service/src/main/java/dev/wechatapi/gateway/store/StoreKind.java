package dev.wechatapi.gateway.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wechat.gateway.store}: {@code redis} (the default; any number of gateway replicas share tokens and rate
 * limits) or {@code memory} (one gateway without Redis, as the all-in-one mode runs when no Redis answers: tokens are
 * lost at restart and limits are per process).
 */
@ConfigurationProperties("wechat.gateway")
public record StoreKind(@DefaultValue("redis") Kind store) {

  public static final String PROPERTY = "wechat.gateway.store";

  /** The two stores. */
  public enum Kind {
    REDIS,
    MEMORY
  }
}
