package dev.wechatapi.simulator.fidelity;

import java.util.Base64;

/** A valid 1×1 PNG, for uploads. */
final class TinyPng {

    static final byte[] BYTES = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private TinyPng() {}
}
