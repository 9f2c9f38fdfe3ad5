package dev.wechatapi.archive.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of signed media links, {@code wechat.media.link-secrets}, shared with the gateway that verifies the
 * links: newest first, each at least 32 bytes. Empty (the default) renders plain media URLs that need the app's
 * credential. Blank entries are dropped, so an unset {@code ${...:}} placeholder means no secret.
 */
@ConfigurationProperties("wechat.media")
public record MediaLinkSecrets(@DefaultValue List<String> linkSecrets) {

    public MediaLinkSecrets {
        linkSecrets = linkSecrets.stream().filter(secret -> !secret.isBlank()).toList();
    }
}
