package dev.wechatapi.wechat;

/**
 * A way to drive one WeChat account. The session service programs against this interface only, so back ends
 * other than the web protocol (a Wechaty puppet service, Tencent iLink) can be added without touching it.
 *
 * <pre>{@code
 * QrLogin qr = driver.startLogin();
 * LoginPoll poll;
 * do { poll = driver.pollLogin(qr); } while (!(poll instanceof LoginPoll.Confirmed || poll instanceof LoginPoll.Expired));
 * WeChatSession session = driver.completeLogin((LoginPoll.Confirmed) poll);
 * }</pre>
 */
public interface WeChatDriver {

    /** What this driver can do; the API reports it per app instead of failing silently. */
    Capabilities capabilities();

    /** Asks WeChat for a new QR code. */
    QrLogin startLogin() throws WeChatException;

    /** One (long) poll of the QR code's state; returns when the state is known or the server's poll times out. */
    LoginPoll pollLogin(QrLogin login) throws WeChatException;

    /** Turns a confirmed scan into a live session: credentials, init, and the status notification. */
    WeChatSession completeLogin(LoginPoll.Confirmed confirmed) throws WeChatException;

    /**
     * Carries on a session saved with {@link WeChatSession#credentials()} (in this process or another), without a
     * QR scan, after checking with WeChat that it is still alive.
     *
     * @throws WeChatException.LoggedOut when WeChat ended the session meanwhile: a new QR login is needed
     * @throws WeChatException.Unsupported when this driver cannot resume sessions (or not this driver's)
     */
    default WeChatSession resume(SessionCredentials credentials) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot resume sessions");
    }

    /**
     * Logs the account of an ended session in again without a QR code: WeChat shows a confirmation prompt on the
     * phone. The handle is polled and completed exactly like a QR login; check
     * {@code capabilities().supports(Capabilities.PUSH_LOGIN)} first.
     *
     * <pre>{@code
     * QrLogin prompt = driver.pushLogin(saved);                  // saved: the old session's credentials()
     * LoginPoll poll;
     * do { poll = driver.pollLogin(prompt); } while (!(poll instanceof LoginPoll.Confirmed || poll instanceof LoginPoll.Expired));
     * WeChatSession session = driver.completeLogin((LoginPoll.Confirmed) poll);
     * }</pre>
     *
     * @throws WeChatException.ProtocolError when WeChat refuses (then fall back to {@link #startLogin()})
     */
    default QrLogin pushLogin(SessionCredentials credentials) throws WeChatException {
        throw new WeChatException.Unsupported("this driver cannot log in by a push to the phone");
    }
}
