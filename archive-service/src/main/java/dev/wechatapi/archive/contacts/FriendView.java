package dev.wechatapi.archive.contacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A friend in the shape of {@code GET /friends}. */
public record FriendView(
        String puid,
        @Nullable String name,
        @JsonProperty("nick_name") @Nullable String nickName,
        @JsonProperty("user_name") @Nullable String userName,
        @JsonProperty("remark_name") @Nullable String remarkName,
        @Nullable String avatar,
        @Nullable String signature,
        int sex,
        @Nullable String province,
        @Nullable String city) {}
