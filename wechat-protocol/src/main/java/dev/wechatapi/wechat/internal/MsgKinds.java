package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.MsgKind;

/** WeChat's MsgType / SubMsgType / AppMsgType codes (§8.4) to {@link MsgKind}. */
final class MsgKinds {

    private static final int SUB_TYPE_LOCATION = 48;

    private MsgKinds() {}

    static MsgKind of(int msgType, int subMsgType, int appMsgType) {
        return switch (msgType) {
            case 1 -> subMsgType == SUB_TYPE_LOCATION ? MsgKind.LOCATION : MsgKind.TEXT;
            case 3 -> MsgKind.IMAGE;
            case 34 -> MsgKind.VOICE;
            case 37 -> MsgKind.FRIEND_REQUEST;
            case 42 -> MsgKind.CARD;
            case 43, 62 -> MsgKind.VIDEO;
            case 47 -> MsgKind.EMOTICON;
            case 48 -> MsgKind.LOCATION;
            case 49 -> appMessage(appMsgType);
            case 51 -> MsgKind.STATUS_NOTIFY;
            case 10000 -> MsgKind.SYSTEM;
            case 10002 -> MsgKind.RECALL;
            default -> MsgKind.OTHER;
        };
    }

    private static MsgKind appMessage(int appMsgType) {
        return switch (appMsgType) {
            case 6 -> MsgKind.FILE;
            case 8 -> MsgKind.EMOTICON; // a GIF sent as an app message
            // text, music, video, article, mini programs: a titled link
            case 1, 3, 4, 5, 33, 36 -> MsgKind.SHARING;
            default -> MsgKind.OTHER;
        };
    }
}
