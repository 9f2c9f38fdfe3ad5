package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.http.ControlFailure;
import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Faults;
import dev.wechatapi.simulator.internal.http.Json;
import dev.wechatapi.simulator.internal.http.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /control/faults}: {@code {"endpoint": "webwxsync", "delayMs": 2000, "drop": false, "truncate": false,
 * "count": 1}} makes the next protocol calls slow, dropped or truncated; {@code DELETE /control/faults} clears them.
 */
public final class FaultControl {

    private final Faults faults;

    public FaultControl(Faults faults) {
        this.faults = faults;
    }

    public Reply add(Exchange exchange) {
        JsonNode body = exchange.json();
        String endpoint = Json.text(body, "endpoint");
        long delayMs = Json.number(body, "delayMs", 0);
        boolean drop = body.path("drop").asBoolean(false);
        boolean truncate = body.path("truncate").asBoolean(false);
        int count = (int) Json.number(body, "count", 1);
        if (delayMs < 0 || delayMs > 120_000 || count < 1 || (drop && truncate) || (delayMs == 0 && !drop && !truncate)) {
            throw ControlFailure.badRequest("a fault needs delayMs (0..120000), drop or truncate (not both), and count >= 1");
        }
        faults.add(new Faults.Fault(endpoint == null || endpoint.isEmpty() ? null : endpoint, delayMs, drop, truncate, count));
        return Reply.json(201, Json.object().put("endpoint", endpoint).put("delayMs", delayMs).put("drop", drop)
                .put("truncate", truncate).put("count", count));
    }

    public Reply clear(Exchange exchange) {
        faults.clear();
        return Reply.json(Json.object().put("cleared", true));
    }
}
