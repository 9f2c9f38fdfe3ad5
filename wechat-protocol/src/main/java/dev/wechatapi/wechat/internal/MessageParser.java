package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.MsgKind;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * AddMsgList entries (§8) as {@link WeChatMessage}s: the group sender prefix split off, the content decoded, a
 * mention of the account detected, the kind normalised.
 */
final class MessageParser {

    /** {@code @<member user name>:<br/>} at the start of an incoming group message (§8.2). */
    private static final Pattern GROUP_SENDER = Pattern.compile("^(@[0-9a-zA-Z]+|[a-zA-Z0-9_-]+):<br/>");
    /** The four-per-em space phones put after an @-mention; desktop clients use a plain space. */
    private static final char MENTION_END = '\u2005';

    private final String selfUserName;
    private final String selfNickName;
    private final Function<String, Optional<WeChatContact>> groups;

    /** @param groups the session's known groups (with members) by user name */
    MessageParser(String selfUserName, String selfNickName, Function<String, Optional<WeChatContact>> groups) {
        this.selfUserName = selfUserName;
        this.selfNickName = selfNickName;
        this.groups = groups;
    }

    WeChatMessage parse(JsonNode json) {
        String from = Fields.text(json, "FromUserName");
        String to = Fields.text(json, "ToUserName");
        String raw = Fields.text(json, "Content");
        int msgType = Fields.integer(json, "MsgType");
        int subMsgType = Fields.integer(json, "SubMsgType");
        int appMsgType = Fields.integer(json, "AppMsgType");
        MsgKind kind = MsgKinds.of(msgType, subMsgType, appMsgType);

        String member = null;
        String body = raw;
        // Messages the account sent itself into a group carry no prefix (§8.2).
        if (from.startsWith("@@") && !from.equals(selfUserName)) {
            Matcher sender = GROUP_SENDER.matcher(raw);
            if (sender.find()) {
                member = sender.group(1);
                body = raw.substring(sender.end());
            }
        }
        String content = kind == MsgKind.LOCATION ? locationLabel(body) : WebText.decode(body);
        boolean mentionsSelf = member != null && mentions(content, groups.apply(from));
        String msgId = Fields.text(json, "MsgId");
        long newMsgId = Fields.longValue(json, "NewMsgId");
        return new WeChatMessage(
                msgId,
                newMsgId != 0 ? newMsgId : Fields.parseLong(msgId),
                kind,
                msgType,
                subMsgType,
                appMsgType,
                from,
                to,
                member,
                mentionsSelf,
                content,
                WebText.decode(Fields.text(json, "Url")),
                WebText.decode(Fields.text(json, "FileName")),
                Fields.longValue(json, "FileSize"),
                Fields.text(json, "MediaId"),
                Fields.integer(json, "ImgWidth"),
                Fields.integer(json, "ImgHeight"),
                Fields.integer(json, "VoiceLength"),
                Fields.integer(json, "PlayLength"),
                Instant.ofEpochSecond(Fields.longValue(json, "CreateTime")),
                raw,
                MessageDetails.of(kind, json, WebText.decode(body)));
    }

    /**
     * Whether the text @-mentions the account by its name in that group (its group card, else its nick name),
     * followed by U+2005 or a space, or at the very end (§8.3).
     */
    private boolean mentions(String content, Optional<WeChatContact> group) {
        if (content.indexOf('@') < 0) {
            return false;
        }
        var names = new ArrayList<String>();
        group.flatMap(this::selfInGroup).map(WeChatContact::displayName).filter(n -> !n.isEmpty()).ifPresent(names::add);
        if (!selfNickName.isEmpty()) {
            names.add(selfNickName);
        }
        for (String name : names) {
            String at = "@" + name;
            if (content.contains(at + MENTION_END) || content.contains(at + " ") || content.endsWith(at)) {
                return true;
            }
        }
        return false;
    }

    private Optional<WeChatContact> selfInGroup(WeChatContact group) {
        List<WeChatContact> members = group.members();
        return members.stream().filter(member -> member.userName().equals(selfUserName)).findFirst();
    }

    /** A location's Content is {@code <place>:<br/><map image path>}; the place is what a person reads. */
    private static String locationLabel(String body) {
        int end = body.indexOf(":<br/>");
        return WebText.decode(end < 0 ? body : body.substring(0, end));
    }
}
