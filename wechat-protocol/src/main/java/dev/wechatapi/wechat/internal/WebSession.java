package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.MediaDownload;
import dev.wechatapi.wechat.MessageDetail;
import dev.wechatapi.wechat.SentMessage;
import dev.wechatapi.wechat.SessionCredentials;
import dev.wechatapi.wechat.SyncBatch;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatMessage;
import dev.wechatapi.wechat.WeChatSession;
import java.util.List;

/** A web-protocol login: each operation delegates to the calls of its concern, behind the {@link Guard}. */
final class WebSession implements WeChatSession {

    private final SessionContext context;
    private final ContactCalls contacts;
    private final SyncCalls sync;
    private final SendCalls send;
    private final UploadCalls uploads;
    private final DownloadCalls downloads;

    WebSession(SessionContext context, SyncKey syncKey, SyncKey checkKey) {
        this.context = context;
        this.contacts = new ContactCalls(context);
        this.sync = new SyncCalls(context, contacts, syncKey, checkKey);
        this.send = new SendCalls(context);
        this.uploads = new UploadCalls(context, send);
        this.downloads = new DownloadCalls(context);
    }

    @Override
    public WeChatContact self() {
        return context.self();
    }

    @Override
    public List<WeChatContact> contacts() throws WeChatException {
        return Guard.run("webwxgetcontact", contacts::all);
    }

    @Override
    public SyncBatch sync() throws WeChatException {
        return Guard.run("sync", sync::sync);
    }

    @Override
    public SentMessage sendText(String toUserName, String text) throws WeChatException {
        return Guard.run("webwxsendmsg", () -> send.sendText(toUserName, text));
    }

    @Override
    public void revoke(SentMessage message) throws WeChatException {
        Guard.run("webwxrevokemsg", () -> {
            send.revoke(message);
            return null;
        });
    }

    @Override
    public MediaDownload download(WeChatMessage message) throws WeChatException {
        return Guard.run("download", () -> downloads.download(message));
    }

    @Override
    public MediaDownload downloadAvatar(WeChatContact contact) throws WeChatException {
        return Guard.run("avatar", () -> downloads.avatar(contact));
    }

    @Override
    public SentMessage sendImage(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        return Guard.run("image send", () -> uploads.sendImage(toUserName, fileName, bytes));
    }

    @Override
    public SentMessage sendFile(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        return Guard.run("file send", () -> uploads.sendFile(toUserName, fileName, bytes));
    }

    @Override
    public SentMessage sendVideo(String toUserName, String fileName, byte[] bytes) throws WeChatException {
        return Guard.run("video send", () -> uploads.sendVideo(toUserName, fileName, bytes));
    }

    @Override
    public WeChatContact acceptFriendRequest(MessageDetail.FriendRequest request) throws WeChatException {
        return Guard.run("webwxverifyuser", () -> contacts.accept(request));
    }

    @Override
    public SessionCredentials credentials() {
        return SessionState.export(context, sync.syncKey(), sync.checkKey());
    }

    @Override
    public void logout() {
        send.logout();
    }
}
