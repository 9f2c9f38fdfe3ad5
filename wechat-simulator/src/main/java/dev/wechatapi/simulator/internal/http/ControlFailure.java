package dev.wechatapi.simulator.internal.http;

/** A control request that cannot be carried out; the router answers it as {@code {"error": message}}. */
public final class ControlFailure extends RuntimeException {

    private final int status;

    public ControlFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    public static ControlFailure notFound(String message) {
        return new ControlFailure(404, message);
    }

    public static ControlFailure badRequest(String message) {
        return new ControlFailure(400, message);
    }

    public static ControlFailure conflict(String message) {
        return new ControlFailure(409, message);
    }

    public int status() {
        return status;
    }
}
