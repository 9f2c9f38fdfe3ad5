package dev.wechatapi.archive.contacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A group in the shape of {@code GET /groups}; {@code owner} is the puid of the account bound to the app. */
public record GroupView(
        String puid,
        @Nullable String name,
        @JsonProperty("nick_name") @Nullable String nickName,
        @JsonProperty("user_name") @Nullable String userName,
        @Nullable String avatar,
        @Nullable String owner) {}
