package dev.wechatapi.simulator.internal.control;

import dev.wechatapi.simulator.internal.http.Exchange;
import dev.wechatapi.simulator.internal.http.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /control/}: one HTML page with vanilla JavaScript (no build step) that drives the control API from a
 * browser: accounts, QR codes and push logins to scan, confirm or expire, message injection (once or as a stream)
 * and what the account sent.
 */
public final class ControlPage {

    private static final String RESOURCE = "/dev/wechatapi/simulator/control.html";

    private final byte[] html;

    public ControlPage() {
        try (InputStream in = ControlPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the simulator jar");
            }
            html = in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public Reply page(Exchange exchange) {
        return Reply.bytes("text/html; charset=utf-8", html).withHeader("Cache-Control", "no-cache");
    }
}
