package dev.wechatapi.wechat.internal;

import dev.wechatapi.wechat.SentMessage;
import dev.wechatapi.wechat.SyncBatch;
import dev.wechatapi.wechat.WeChatContact;
import dev.wechatapi.wechat.WeChatException;
import dev.wechatapi.wechat.WeChatSession;
import java.util.List;

/** A web-protocol login: each operation delegates to the calls of its concern, behind the {@link Guard}. */
final class WebSession implements WeChatSession {

    private final SessionContext context;
    private final ContactCalls contacts;
    private final SyncCalls sync;
    private final SendCalls send;

    WebSession(SessionContext context, SyncKey initialSyncKey) {
        this.context = context;
        this.contacts = new ContactCalls(context);
        this.sync = new SyncCalls(context, contacts, initialSyncKey);
        this.send = new SendCalls(context);
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
    public void logout() {
        send.logout();
    }
}
