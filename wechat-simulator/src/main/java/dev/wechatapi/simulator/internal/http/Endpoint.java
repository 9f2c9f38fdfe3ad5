package dev.wechatapi.simulator.internal.http;

/** Answers one kind of request. Long polls block here (on a virtual thread) and give up when interrupted. */
@FunctionalInterface
public interface Endpoint {
    Reply handle(Exchange exchange) throws InterruptedException;
}
