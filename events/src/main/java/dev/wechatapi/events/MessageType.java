package dev.wechatapi.events;

/**
 * Normalised message types, named as the REST API's {@code type} filter names them. The raw WeChat codes are
 * kept in {@link MessageEvent#rawMsgType()}.
 */
public enum MessageType {
    Text, // MsgType 1
    Map, // MsgType 1 with SubMsgType 48
    Card, // MsgType 42
    Note, // MsgType 10002 (recall) and other notices
    Sharing, // MsgType 49, AppMsgType 5 and similar
    Picture, // MsgType 3, 47
    Recording, // MsgType 34
    Attachment, // MsgType 49, AppMsgType 6
    Video, // MsgType 43, 62
    Friends, // MsgType 37 (friend request)
    System // MsgType 10000
}
