package dev.wechatapi.wechat;

/** A failure talking to WeChat, typed so callers can react: stop, back off, or retry. */
public sealed class WeChatException extends Exception
        permits WeChatException.LoggedOut,
                WeChatException.LoginBlocked,
                WeChatException.RateLimited,
                WeChatException.ProtocolError,
                WeChatException.Unreachable,
                WeChatException.MediaUnavailable,
                WeChatException.Unsupported {

    private WeChatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** WeChat ended the session (retcode or Ret 1100/1101/1102): a new login is needed. */
    public static final class LoggedOut extends WeChatException {
        private final int code;

        public LoggedOut(int code, String message) {
            super(message, null);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** WeChat refuses web login for this account (ret 1203), with its own explanation. */
    public static final class LoginBlocked extends WeChatException {
        public LoginBlocked(String message) {
            super(message, null);
        }
    }

    /** WeChat says the account acts too often (Ret 1205): back off before the next send. */
    public static final class RateLimited extends WeChatException {
        public RateLimited(String message) {
            super(message, null);
        }
    }

    /** WeChat answered something this client cannot understand, or an error code without a specific meaning. */
    public static final class ProtocolError extends WeChatException {
        public ProtocolError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** WeChat could not be reached or did not answer in time. */
    public static final class Unreachable extends WeChatException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The message carries no media, or WeChat has none (any more) for it: there is nothing to download. */
    public static final class MediaUnavailable extends WeChatException {
        public MediaUnavailable(String message) {
            super(message, null);
        }
    }

    /** This driver cannot do that (a send kind, downloads, resuming a session); see {@link Capabilities}. */
    public static final class Unsupported extends WeChatException {
        public Unsupported(String message) {
            super(message, null);
        }
    }
}
