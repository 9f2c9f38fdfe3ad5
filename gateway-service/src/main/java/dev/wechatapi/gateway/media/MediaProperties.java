package dev.wechatapi.gateway.media;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code wechat.media}, shared with session-service, which writes the store; the README's
 * configuration table documents each with its default.
 *
 * @param root root directory of the {@code FileSystemMediaStore}
 * @param linkSecrets keys of the signed media links, newest first, each at least 32 bytes; empty: only the app's
 *     credential opens media
 */
@ConfigurationProperties("wechat.media")
public record MediaProperties(@DefaultValue("./data/media") String root, @DefaultValue List<String> linkSecrets) {

  public MediaProperties {
    if (root.isBlank()) {
      throw new IllegalArgumentException("wechat.media.root must not be blank");
    }
    linkSecrets = linkSecrets.stream().filter(secret -> !secret.isBlank()).toList();
  }
}
