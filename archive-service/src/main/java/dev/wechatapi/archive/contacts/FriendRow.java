package dev.wechatapi.archive.contacts;

import org.jspecify.annotations.Nullable;

/** A friend as stored; the avatar is still a media id. */
record FriendRow(
        String puid,
        @Nullable String name,
        @Nullable String nickName,
        @Nullable String userName,
        @Nullable String remarkName,
        @Nullable String avatarMediaId,
        @Nullable String signature,
        int sex,
        @Nullable String province,
        @Nullable String city) {}
