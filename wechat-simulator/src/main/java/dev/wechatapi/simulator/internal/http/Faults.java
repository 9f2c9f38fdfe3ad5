package dev.wechatapi.simulator.internal.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Misbehaviour scheduled through the control API for the next protocol calls: a delay (to trip client
 * timeouts), then a dropped connection or a truncated body. The control API itself is never affected.
 */
public final class Faults {

    /**
     * @param endpoint the last path segment it applies to ({@code webwxsync}), or null for every protocol call
     * @param remaining how many more calls it affects
     */
    public record Fault(String endpoint, long delayMs, boolean drop, boolean truncate, int remaining) {}

    private final List<Fault> pending = new ArrayList<>();

    public synchronized void add(Fault fault) {
        pending.add(fault);
    }

    public synchronized void clear() {
        pending.clear();
    }

    /** The fault for a call to this path, used up by one, or null (always for the control API). */
    synchronized Fault take(String path) {
        if (path.startsWith("/control/")) {
            return null;
        }
        for (int i = 0; i < pending.size(); i++) {
            Fault fault = pending.get(i);
            if (fault.endpoint() == null || path.endsWith("/" + fault.endpoint())) {
                if (fault.remaining() <= 1) {
                    pending.remove(i);
                } else {
                    pending.set(i, new Fault(fault.endpoint(), fault.delayMs(), fault.drop(), fault.truncate(), fault.remaining() - 1));
                }
                return fault;
            }
        }
        return null;
    }
}
