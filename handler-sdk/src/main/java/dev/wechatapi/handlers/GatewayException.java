package dev.wechatapi.handlers;

/**
 * The gateway refused a call or could not be reached. {@link #status()} is the HTTP status (0 when no answer
 * came) and {@link #errmsg()} the contract's error text, e.g. {@code 微信号不在线!}.
 *
 * <pre>{@code
 * try { message.reply("hi"); } catch (GatewayException e) { if (e.status() == 400) { ... } }
 * }</pre>
 */
public final class GatewayException extends RuntimeException {

    private final int status;
    private final String errmsg;

    public GatewayException(int status, String errmsg, Throwable cause) {
        super(status == 0 ? "gateway unreachable: " + errmsg : "gateway answered " + status + ": " + errmsg, cause);
        this.status = status;
        this.errmsg = errmsg;
    }

    public int status() {
        return status;
    }

    public String errmsg() {
        return errmsg;
    }
}
