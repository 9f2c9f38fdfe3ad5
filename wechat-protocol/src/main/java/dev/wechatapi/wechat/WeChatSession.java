package dev.wechatapi.wechat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A logged-in account. Calls block (run them on virtual threads) and each has a timeout; failures are typed
 * {@link WeChatException}s, never a crash of the caller's loop. Operations a driver cannot do throw
 * {@link WeChatException.Unsupported}.
 */
public interface WeChatSession {

    /** The logged-in account. */
    WeChatContact self();

    /** Every contact: friends, groups (with members) and official accounts, all pages. */
    List<WeChatContact> contacts() throws WeChatException;

    /**
     * Waits for news (a long poll of up to ~25 s) and fetches it. An empty batch means nothing happened.
     *
     * @throws WeChatException.LoggedOut when WeChat ended the session
     */
    SyncBatch sync() throws WeChatException;

    /** Sends a text to a contact by its current user name. */
    SentMessage sendText(String toUserName, String text) throws WeChatException;

    /** Ends the session on WeChat's side. Never throws: a session that is already gone is logged out too. */
    void logout();

    /**
     * The bytes of an image, voice, video, emoticon or file message.
     *
     * @throws WeChatException.MediaUnavailable when the message has no media or WeChat no longer has it
     */
    default MediaDownload download(WeChatMessage message) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot download media");
    }

    /** A contact's (or group's) avatar. */
    default MediaDownload downloadAvatar(WeChatContact contact) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot download avatars");
    }

    /** Uploads and sends a picture (a GIF goes out as an animated sticker). */
    default SentMessage sendImage(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot send images");
    }

    /** Uploads and sends a file attachment. */
    default SentMessage sendFile(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot send files");
    }

    /** Uploads and sends a video (MP4). */
    default SentMessage sendVideo(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot send videos");
    }

    default SentMessage sendImage(String toUserName, Path file) throws WeChatException {
        return sendImage(toUserName, file.getFileName().toString(), read(file));
    }

    default SentMessage sendFile(String toUserName, Path file) throws WeChatException {
        return sendFile(toUserName, file.getFileName().toString(), read(file));
    }

    default SentMessage sendVideo(String toUserName, Path file) throws WeChatException {
        return sendVideo(toUserName, file.getFileName().toString(), read(file));
    }

    /**
     * Takes back a message this session sent, as "recall" on the phone does. WeChat allows it within two minutes of
     * sending; the chat then shows a recall notice instead of the message. Check
     * {@code capabilities().supports(Capabilities.REVOKE)} first.
     *
     * <pre>{@code
     * SentMessage sent = session.sendText(friend, "发错了");
     * session.revoke(sent);
     * }</pre>
     *
     * @throws WeChatException.ProtocolError when WeChat refuses, e.g. after the two minutes
     */
    default void revoke(SentMessage message) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot revoke messages");
    }

    /**
     * Accepts a friend request (a {@link MsgKind#FRIEND_REQUEST} message's detail); returns the new friend. The
     * next sync reports them as a changed contact too.
     */
    default WeChatContact acceptFriendRequest(MessageDetail.FriendRequest request) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot accept friend requests");
    }

    /**
     * What it takes to {@linkplain WeChatDriver#resume resume} this session later or elsewhere without a QR scan.
     * Take it again after syncing: it includes the position in the message stream.
     */
    default SessionCredentials credentials() throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot export its session");
    }

    private static byte[] read(Path file) throws WeChatException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException unreadable) {
            throw new WeChatException.MediaUnavailable("cannot read " + file + ": " + unreadable.getMessage());
        }
    }
}
