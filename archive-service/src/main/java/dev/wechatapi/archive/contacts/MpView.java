package dev.wechatapi.archive.contacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** An official account in the shape of {@code GET /mps}. */
public record MpView(
        String puid,
        @Nullable String name,
        @JsonProperty("nick_name") @Nullable String nickName,
        @Nullable String province,
        @Nullable String city,
        @Nullable String signature) {}
