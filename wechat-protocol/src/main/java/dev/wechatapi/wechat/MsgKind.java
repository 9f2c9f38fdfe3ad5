package dev.wechatapi.wechat;

/** What a received message is, normalised from WeChat's MsgType / SubMsgType / AppMsgType codes. */
public enum MsgKind {
    TEXT, // MsgType 1
    LOCATION, // MsgType 1 with SubMsgType 48 (and 48)
    IMAGE, // MsgType 3
    VOICE, // MsgType 34
    FRIEND_REQUEST, // MsgType 37
    CARD, // MsgType 42
    VIDEO, // MsgType 43, 62
    EMOTICON, // MsgType 47
    SHARING, // MsgType 49 with AppMsgType 5 (and other link-like app messages)
    FILE, // MsgType 49 with AppMsgType 6
    STATUS_NOTIFY, // MsgType 51
    SYSTEM, // MsgType 10000
    RECALL, // MsgType 10002
    OTHER // anything else (VOIP 50/52/53, 9999, unknown)
}
