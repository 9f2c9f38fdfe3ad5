package dev.wechatapi.archive.contacts;

import org.jspecify.annotations.Nullable;

/** A group as stored; the avatar is still a media id, the owner the bound account's puid. */
record GroupRow(
        String puid,
        @Nullable String name,
        @Nullable String nickName,
        @Nullable String userName,
        @Nullable String avatarMediaId,
        @Nullable String owner) {

    GroupView view(@Nullable String avatarUrl) {
        return new GroupView(puid, name, nickName, userName, avatarUrl, owner);
    }
}
