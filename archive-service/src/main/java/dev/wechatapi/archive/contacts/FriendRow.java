package dev.wechatapi.archive.contacts;

import org.jspecify.annotations.Nullable;

/** A friend or group member as stored; the avatar is still a media id. */
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
        @Nullable String city) {

    FriendView view(@Nullable String avatarUrl) {
        return new FriendView(puid, name, nickName, userName, remarkName, avatarUrl, signature, sex, province, city);
    }
}
