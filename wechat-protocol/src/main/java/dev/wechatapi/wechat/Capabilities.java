package dev.wechatapi.wechat;

import java.util.Set;

/**
 * What a driver supports.
 *
 * @param sends message kinds it can send ("text", "image", "file", "video")
 * @param receives message types it can deliver (the {@code MsgKind} names)
 * @param contacts whether it lists friends, groups and official accounts
 */
public record Capabilities(String driver, Set<String> sends, Set<MsgKind> receives, boolean contacts) {}
